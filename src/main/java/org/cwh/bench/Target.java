package org.cwh.bench;

import java.io.File;
import java.io.IOException;
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
import java.util.stream.Stream;

/** The server under measurement: a node this benchmark launched (and stops), or one somebody else runs. */
final class Target implements AutoCloseable {

	private final URI base;
	private final Long pid;
	private final Process process;
	private final Path dataDir;
	private final Duration readyAfter;

	private Target(URI base, Long pid, Process process, Path dataDir, Duration readyAfter) {
		this.base = base;
		this.pid = pid;
		this.process = process;
		this.dataDir = dataDir;
		this.readyAfter = readyAfter;
	}

	static Target external(URI base, Long pid) {
		return new Target(base, pid, null, null, null);
	}

	/**
	 * Starts {@code java -jar <this jar>} on a free loopback port and an empty H2 file database in {@code dir}, and
	 * times it from process start to the first 200 on {@code /fhir/metadata}.
	 */
	static Target launch(Path dir, String jvmOptions, Duration timeout) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!jvmOptions.isBlank()) {
			command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.cwh.server.Main",
				"--port", String.valueOf(port), "--db-url", "jdbc:h2:file:" + dir.resolve("cwh")));
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
					return new Target(base, process.pid(), process, dir, ready);
				}
			} catch (IOException notYet) {
				// not listening yet; poll again
			}
			Thread.sleep(25);
		}
		process.destroyForcibly();
		throw new IOException("the server was not ready within " + timeout.toSeconds() + " s; see " + log);
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

	@Override
	public void close() throws IOException {
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
		if (dataDir != null) {
			try (Stream<Path> files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
