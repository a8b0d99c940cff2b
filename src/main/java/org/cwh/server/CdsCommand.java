package org.cwh.server;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cwh.config.CliCommand;

/**
 * {@code java -jar cwh.jar cds [--archive FILE]}: makes a class-data sharing archive for this jar (Java 17's dynamic
 * AppCDS archive). It starts a node on a temporary H2 database with {@code -XX:ArchiveClassesAtExit}, sends it the
 * requests a node serves (metadata, create, read, search, a transaction, {@code $validate}), and stops it; the JVM then
 * writes every class it loaded, already parsed and verified, to FILE ({@code cwh.jsa} beside the jar by default). A
 * node started with {@code -XX:SharedArchiveFile=FILE} maps those classes instead of loading some 22,000 of them from
 * the jar, which is most of what its main thread does at start-up. The archive fits only this jar file and this JVM
 * build: the JVM ignores it (and loads from the jar as usual) after a rebuild, so make it again after each build.
 */
final class CdsCommand implements CliCommand {

	static final String ARCHIVE = "--archive";

	@Override
	public String name() {
		return "cds";
	}

	@Override
	public String usage() {
		return "cds [--archive FILE]\n      make a class-data sharing archive (default: cwh.jsa beside the jar) for"
				+ " java -XX:SharedArchiveFile=FILE -jar cwh.jar";
	}

	@Override
	public Set<String> options() {
		return Set.of(ARCHIVE);
	}

	@Override
	public int run(Invocation invocation) {
		String classPath = System.getProperty("java.class.path");
		if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
			invocation.err().println("cwh cds: run it from the jar (java -jar cwh.jar cds); the class path is "
					+ classPath);
			return 2;
		}
		Path jar = Path.of(classPath).toAbsolutePath();
		Path archive = Path.of(invocation.options().getOrDefault(ARCHIVE, jar.resolveSibling("cwh.jsa").toString()))
				.toAbsolutePath();
		long started = System.nanoTime();
		Path dir = null;
		try {
			dir = Files.createTempDirectory("cwh-cds");
			Files.deleteIfExists(archive);
			train(jar, archive, dir);
			if (!Files.isRegularFile(archive)) {
				invocation.err().println("cwh cds: the JVM wrote no archive; see " + dir.resolve("node.log"));
				dir = null;
				return 1;
			}
			invocation.out().printf("cds: wrote %s (%d MB) in %.0f s; start nodes with%n  java -XX:SharedArchiveFile=%s"
					+ " -jar %s%n", archive, Files.size(archive) >> 20, (System.nanoTime() - started) / 1e9, archive,
					jar);
			return 0;
		} catch (IOException e) {
			invocation.err().println("cwh cds: " + e.getMessage());
			dir = null;
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		} finally {
			deleteQuietly(dir);
		}
	}

	/** Runs the training node to its end; the JVM writes the archive as it exits. */
	private static void train(Path jar, Path archive, Path dir) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
				"--port", String.valueOf(port), "--db-url", "jdbc:h2:file:" + dir.resolve("cwh"), "--auth", "off",
				"--deadlines-sweep-every", "off"));
		Process node = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("node.log").toFile()).directory(dir.toFile()).start();
		try {
			exercise(URI.create("http://127.0.0.1:" + port + "/fhir"), node, dir.resolve("node.log"));
		} finally {
			// SIGTERM: the node stops as on Ctrl-C, then the JVM dumps the archive, which takes a while.
			node.destroy();
			if (!node.waitFor(3, TimeUnit.MINUTES)) {
				node.destroyForcibly();
				throw new IOException("the training node did not exit; see " + dir.resolve("node.log"));
			}
		}
	}

	/** Waits for the node and sends it the requests whose classes a serving node loads. */
	private static void exercise(URI base, Process node, Path log) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (send(http, get(base, "/metadata")) != 200) {
			if (!node.isAlive() || System.nanoTime() > deadline) {
				throw new IOException("the training node did not start; see " + log);
			}
			Thread.sleep(100);
		}
		String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:cwh:cds\",\"value\":\"1\"}],"
				+ "\"name\":[{\"family\":\"Training\",\"given\":[\"Cds\"]}],\"birthDate\":\"1990-01-01\"}";
		String transaction;
		try (InputStream in = CdsCommand.class.getResourceAsStream("/bench/handoff-transaction.json")) {
			transaction = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<HttpRequest> requests = new ArrayList<>(List.of(
				post(base, "/Patient", patient), get(base, "/Patient?family=Training&_count=5"),
				get(base, "/Patient?identifier=urn:cwh:cds%7C1&_include=Patient:organization"),
				post(base, "/Patient/$validate", patient), get(base, "/StructureDefinition/cwh-handoff-task"),
				get(base, "/HealthcareService?service-category=crisis-line"), get(base, "/_history?_count=5"),
				HttpRequest.newBuilder(base.resolve("/health/ready")).GET().build()));
		if (transaction != null) {
			for (String placeholder : List.of("patient", "encounter", "condition", "obs1", "obs2", "careplan", "consent",
					"servicerequest", "task", "provenance")) {
				transaction = transaction.replace("${" + placeholder + "}", java.util.UUID.randomUUID().toString());
			}
			requests.add(post(base, "", transaction.replace("${run}", "cds").replace("${n}", "1")));
		}
		for (HttpRequest request : requests) {
			// Answers do not matter, only that the node ran the code that produced them.
			send(http, request);
		}
	}

	private static HttpRequest get(URI base, String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1)).GET().build();
	}

	private static HttpRequest post(URI base, String path, String body) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
				.header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static int send(HttpClient http, HttpRequest request) throws InterruptedException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException notYet) {
			return -1;
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// A temporary directory left behind is harmless.
		}
	}
}
