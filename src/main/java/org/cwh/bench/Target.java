package org.cwh.bench;

import java.io.File;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cwh.config.BackendServicesClient;

/** The server under measurement: a node this benchmark launched (and stops), or one somebody else runs. */
final class Target implements AutoCloseable {

	/** The client (and its Organization) the benchmark registers in a node it launches. */
	static final String CLIENT_ID = "cwh-bench";
	static final String SCOPE = "system/*.cruds";

	private final URI base;
	private final Long pid;
	private final Process process;
	private final Path dataDir;
	private final Duration readyAfter;
	private final BackendServicesClient client;

	private Target(URI base, Long pid, Process process, Path dataDir, Duration readyAfter,
			BackendServicesClient client) {
		this.base = base;
		this.pid = pid;
		this.process = process;
		this.dataDir = dataDir;
		this.readyAfter = readyAfter;
		this.client = client;
	}

	/** A server somebody else runs; {@code client} authenticates to it, or null for a server without tokens. */
	static Target external(URI base, Long pid, BackendServicesClient client) {
		return new Target(base, pid, null, null, null, client);
	}

	/**
	 * Launches a node as {@link #launch} does, with authentication on and a client of its own: the node first starts
	 * with authentication off (timed: the start-to-ready figure), stores the bench client's Organization, stops; the
	 * jar's {@code client register} registers the client (role admin, {@code system/*.cruds}, a fresh RSA key) in
	 * its database; the node starts again on that database (timed: restart to ready) and every request carries the
	 * client's token, as production traffic does.
	 */
	static Target launchWithClient(Path dir, String jvmOptions, Duration timeout, PrintStream out)
			throws IOException, InterruptedException {
		Duration firstReady;
		Target first = launch(dir, jvmOptions, timeout, null, "--auth", "off");
		try {
			firstReady = first.readyAfter;
			HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create(first.base + "/Organization/" + CLIENT_ID)).header("Content-Type", "application/fhir+json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Organization\",\"id\":\""
							+ CLIENT_ID + "\",\"active\":true,\"name\":\"CWH benchmark\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (stored.statusCode() / 100 != 2) {
				throw new IOException("storing the bench Organization answered " + stored.statusCode());
			}
		} finally {
			first.stop();
		}
		out.printf("%-44s %8.1f s%n", "start to ready (first 200 on /metadata)", firstReady.toMillis() / 1000.0);

		RSAKey key;
		try {
			key = new RSAKeyGenerator(2048).keyID(CLIENT_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS384)
					.generate();
		} catch (JOSEException e) {
			throw new IOException("cannot make the bench client's key: " + e.getMessage(), e);
		}
		Path jwks = dir.resolve("bench-client.jwks.json");
		Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
		List<String> register = java(jvmOptions);
		register.addAll(List.of("client", "register", CLIENT_ID, "--organization", CLIENT_ID, "--roles", "admin",
				"--scopes", SCOPE, "--jwks", jwks.toString(), "--db-url", dbUrl(dir)));
		Process registering = new ProcessBuilder(register).redirectErrorStream(true)
				.redirectOutput(dir.resolve("client-register.log").toFile()).directory(dir.toFile()).start();
		if (!registering.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
				|| registering.exitValue() != 0) {
			registering.destroyForcibly();
			throw new IOException("registering the bench client failed; see " + dir.resolve("client-register.log"));
		}
		return launch(dir, jvmOptions, timeout, key);
	}

	/** Adds the client's bearer token, when this target has a client. */
	HttpRequest.Builder authorized(HttpRequest.Builder request) {
		if (client == null) {
			return request;
		}
		try {
			return request.header("Authorization", client.authorization());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Starts {@code java -jar <this jar>} on a free loopback port and an empty H2 file database in {@code dir}, and
	 * times it from process start to the first 200 on {@code /fhir/metadata}.
	 */
	private static Target launch(Path dir, String jvmOptions, Duration timeout, RSAKey key, String... settings)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = java(jvmOptions);
		command.addAll(List.of("--port", String.valueOf(port), "--db-url", dbUrl(dir),
				// The notification workload's receiver listens on plain http on loopback.
				"--notify-allowed-endpoints", "127.0.0.1", "--notify-allow-http", "true",
				// The workloads' handoffs are dated like the IG's examples, days ago, so every one is overdue: a
				// sweeping node would spend the run escalating them, which no request figure should include.
				"--deadlines-sweep-every", "off"));
		command.addAll(Arrays.asList(settings));
		File log = dir.resolve("server.log").toFile();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log).directory(dir.toFile()).start();
		URI base = URI.create("http://127.0.0.1:" + port + "/fhir");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest metadata = HttpRequest.newBuilder(base.resolve(base.getPath() + "/metadata"))
				.timeout(Duration.ofSeconds(30)).GET().build();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("the server exited during start-up; see " + log);
			}
			try {
				if (http.send(metadata, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					Duration ready = Duration.ofNanos(System.nanoTime() - started);
					BackendServicesClient client = key == null ? null
							: BackendServicesClient.withKey(base.toString(), CLIENT_ID, SCOPE, key);
					return new Target(base, process.pid(), process, dir, ready, client);
				}
			} catch (IOException notYet) {
				// not listening yet; poll again
			}
			Thread.sleep(25);
		}
		process.destroyForcibly();
		throw new IOException("the server was not ready within " + timeout.toSeconds() + " s; see " + log);
	}

	private static List<String> java(String jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!jvmOptions.isBlank()) {
			command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
		}
		// Absolute: the node runs in its temporary directory, and "java -jar target/cwh.jar bench" gives a relative path.
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.map(entry -> Path.of(entry).toAbsolutePath().toString())
				.collect(java.util.stream.Collectors.joining(File.pathSeparator));
		command.addAll(List.of("-cp", classPath, "org.cwh.server.Main"));
		return command;
	}

	private static String dbUrl(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("cwh");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	URI base() {
		return base;
	}

	Duration readyAfter() {
		return readyAfter;
	}

	/** Resident set size of the server process in bytes, or -1 when it cannot be read (no pid, not Linux). */
	long rssBytes() {
		if (pid == null) {
			return -1;
		}
		try (Stream<String> lines = Files.lines(Path.of("/proc", pid.toString(), "status"))) {
			return lines.filter(l -> l.startsWith("VmRSS:"))
					.map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
					.findFirst().orElse(-1L);
		} catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** CPU time the server process has used so far, when its pid is known and the platform reports it. */
	Optional<Duration> cpuTime() {
		return pid == null ? Optional.empty()
				: ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
	}

	/** Stops a launched node and keeps its database. */
	void stop() {
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	/** Stops a launched node and deletes its database. */
	@Override
	public void close() throws IOException {
		stop();
		if (dataDir != null) {
			try (Stream<Path> files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
