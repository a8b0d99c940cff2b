package org.cwh.notify;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * A real rest-hook receiver for tests: the JDK's HTTP server on a free loopback port that records every request
 * (headers, body, the status it answered) and answers with the status the test sets, 200 by default.
 */
final class Receiver implements AutoCloseable {

	/** One request the receiver got. */
	record Hit(String authorization, String contentType, String body, int answered, Instant at) {

		Bundle bundle() {
			return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, body);
		}

		Parameters status() {
			return (Parameters) bundle().getEntryFirstRep().getResource();
		}

		/** The focus of the notification event, e.g. {@code http://localhost:1234/fhir/Task/5/_history/2}. */
		String focus() {
			return ((Reference) status().getParameter("notification-event").getPart().stream()
					.filter(p -> p.getName().equals("focus")).findFirst().orElseThrow().getValue()).getReference();
		}

		String subscription() {
			return ((Reference) status().getParameter("subscription").getValue()).getReference();
		}

		long eventNumber() {
			return Long.parseLong(status().getParameter("notification-event").getPart().stream()
					.filter(p -> p.getName().equals("event-number")).findFirst().orElseThrow().getValue()
					.primitiveValue());
		}

		boolean delivered() {
			return answered >= 200 && answered < 300;
		}
	}

	private final HttpServer server;
	private final List<Hit> hits = new CopyOnWriteArrayList<>();
	private final AtomicInteger status = new AtomicInteger(200);

	Receiver() throws IOException {
		this(0);
	}

	Receiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			int answer = status.get();
			hits.add(new Hit(exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Type"), body, answer, Instant.now()));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	/** The endpoint to subscribe with; loopback http, which the test server allows. */
	String endpoint() {
		return "http://localhost:" + port() + "/hook";
	}

	void answer(int httpStatus) {
		status.set(httpStatus);
	}

	List<Hit> hits() {
		return new ArrayList<>(hits);
	}

	/** Requests that were answered 2xx and whose focus satisfies the filter, in arrival order. */
	List<Hit> delivered(Predicate<Hit> filter) {
		return hits.stream().filter(Hit::delivered).filter(filter).toList();
	}

	/** Waits (polling, with a deadline) until {@code count} matching notifications were answered 2xx. */
	List<Hit> awaitDelivered(Predicate<Hit> filter, int count, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			List<Hit> found = delivered(filter);
			if (found.size() >= count) {
				return found;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("expected " + count + " notifications within " + within + ", got "
				+ delivered(filter).size() + " of " + hits.size() + " requests, focus of the first: "
				+ (hits.isEmpty() ? "none" : hits.get(0).focus()));
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
