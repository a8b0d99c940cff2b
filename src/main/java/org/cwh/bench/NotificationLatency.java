package org.cwh.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notification delivery latency: a rest-hook receiver in this process (loopback, answers 200 at once) subscribes to
 * the Tasks of one Organization with a plain criteria Subscription, Tasks are created one after the other, and for
 * each notification the time from the change's event timestamp (taken just before its commit, so a little early)
 * to its arrival at the receiver is recorded. The server must allow {@code http://127.0.0.1} endpoints (a launched
 * node is started so); a server that refuses the Subscription, or has no such feature, is reported as n/a.
 */
final class NotificationLatency implements AutoCloseable {

	private static final Pattern TIMESTAMP =
			Pattern.compile("\"name\"\\s*:\\s*\"timestamp\"\\s*,\\s*\"valueInstant\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern FOCUS =
			Pattern.compile("\"name\"\\s*:\\s*\"focus\"\\s*,\\s*\"valueReference\"\\s*:\\s*\\{\\s*\"reference\"\\s*:\\s*\"[^\"]*/Task/([^/\"]+)");

	private final Target target;
	private final HttpClient http;
	private final HttpServer receiver;
	private final Map<String, Long> latencyMillisByTask = new ConcurrentHashMap<>();
	private final String organization = "bench-notify-" + UUID.randomUUID().toString().substring(0, 8);

	NotificationLatency(Target target, HttpClient http) throws IOException {
		this.target = target;
		this.http = http;
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		receiver.setExecutor(Executors.newFixedThreadPool(2));
		receiver.createContext("/", exchange -> {
			long arrived = System.currentTimeMillis();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
			Matcher t = TIMESTAMP.matcher(body);
			Matcher f = FOCUS.matcher(body);
			if (t.find() && f.find()) {
				long event = OffsetDateTime.parse(t.group(1)).toInstant().toEpochMilli();
				latencyMillisByTask.putIfAbsent(f.group(1), arrived - event);
			}
		});
		receiver.start();
	}

	/** Stores the Organization and the Subscription; false when the server refuses it. */
	boolean subscribe() throws IOException, InterruptedException {
		send("PUT", "/Organization/" + organization,
				"{\"resourceType\":\"Organization\",\"id\":\"" + organization + "\",\"name\":\"bench\"}");
		String subscription = """
				{"resourceType":"Subscription","status":"requested","reason":"bench",
				 "criteria":"Task?owner=Organization/%s",
				 "channel":{"type":"rest-hook","endpoint":"http://127.0.0.1:%d/bench","payload":"application/fhir+json"}}"""
				.formatted(organization, receiver.getAddress().getPort());
		int status = send("POST", "/Subscription", subscription).statusCode();
		return status == 201;
	}

	/** Creates {@code count} Tasks and waits for their notifications; the latencies in ms, or null on time-out. */
	Latencies measure(int count, Duration wait) throws IOException, InterruptedException {
		latencyMillisByTask.clear();
		String task = """
				{"resourceType":"Task","status":"requested","intent":"order","owner":{"reference":"Organization/%s"}}"""
				.formatted(organization);
		for (int i = 0; i < count; i++) {
			HttpResponse<String> created = send("POST", "/Task", task);
			if (created.statusCode() != 201) {
				throw new IOException("POST /Task answered " + created.statusCode());
			}
		}
		long deadline = System.nanoTime() + wait.toNanos();
		while (latencyMillisByTask.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		if (latencyMillisByTask.size() < count) {
			return null;
		}
		Latencies latencies = new Latencies();
		latencyMillisByTask.values().forEach(ms -> latencies.add(ms * 1_000_000));
		return latencies;
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest request = target.authorized(HttpRequest.newBuilder(URI.create(target.base() + path)))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/fhir+json").header("Prefer", "return=minimal")
				.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		receiver.stop(0);
	}
}
