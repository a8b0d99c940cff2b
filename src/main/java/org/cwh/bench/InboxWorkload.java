package org.cwh.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The provider's inbox at scale: stores {@code tasks} requested handoff Tasks (batch bundles of {@value #BATCH}),
 * spread over one owner Organization per {@value #INBOX} Tasks, each pointing at a referral of its owner and at one of
 * the patients, then times the inbox query a provider polls with,
 * {@code Task?owner=Organization/x&status=requested,received&_include=Task:focus&_include=Task:patient}, for random
 * owners, by one poller and by several at once. Run by {@code bench --inbox-tasks N}; the figure is at 100,000.
 *
 * <p>Every Task is {@code requested}: the state table lets a handoff be created in no other status, and walking
 * 100,000 Tasks through their moves would time the loader, not the query. It is the hard case for the query: the
 * status filter then narrows nothing, only the owner does.
 *
 * <p>The Tasks are authored at the benchmark's own time, so they are waiting, not overdue. A node this benchmark
 * launches runs without its deadline sweep, as for every workload; a server given with {@code --url} may run its
 * sweep, and there, Tasks months past their deadlines would each be escalated (a Flag and an escalation Task, about
 * 18 ms of CPU each, half an hour of one core for 100,000) while the query is timed. Even waiting handoffs are
 * checked once by a running sweep after they are created (about 3 ms each), so the timing starts once the server is
 * idle ({@link #settle}), and the figure is the query's, not that backlog's.
 */
final class InboxWorkload {

	/** Tasks per owner, so every inbox holds this many waiting Tasks. */
	static final int INBOX = 50;
	/** Entries per batch bundle while loading. */
	static final int BATCH = 500;
	/** Referrals per owner, each shared by its owner's Tasks in turn. */
	private static final int REFERRALS_PER_OWNER = 5;
	private static final int PATIENTS_PER_OWNER = 10;
	private static final int LOADERS = 2;
	private static final int QUERIES = 2_000;
	private static final int QUERY_CONNECTIONS = 4;
	private static final int QUIET_SECONDS = 5;
	private static final int SETTLE_MINUTES = 15;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Workloads http;
	private final PrintStream out;
	private final String runId;

	InboxWorkload(Workloads http, PrintStream out, String runId) {
		this.http = http;
		this.out = out;
		this.runId = runId;
	}

	void run(int tasks) throws IOException, InterruptedException {
		int owners = Math.max(1, tasks / INBOX);
		long started = System.nanoTime();
		load(owners, tasks);
		out.printf("%-44s %8.1f s   (%d Tasks, %d owners)%n", "inbox: load (untimed for the figure)",
				(System.nanoTime() - started) / 1e9, tasks, owners);
		settle();
		query(owners, QUERIES / 4, QUERY_CONNECTIONS, new Latencies());
		timeQueries(owners, tasks, 1);
		timeQueries(owners, tasks, QUERY_CONNECTIONS);
	}

	/**
	 * One poller alone gives the query's own latency; several at once on a small machine add the time each waits for
	 * a core, which is the figure a busy node's pollers see.
	 */
	private void timeQueries(int owners, int tasks, int connections) throws IOException, InterruptedException {
		Latencies latencies = new Latencies();
		long timed = System.nanoTime();
		query(owners, QUERIES, connections, latencies);
		http.report("inbox query, " + connections + (connections == 1 ? " connection" : " connections"), latencies,
				System.nanoTime() - timed, 95, tasks + " Tasks, " + INBOX + " per inbox; p99 "
						+ String.format("%.1f ms", latencies.percentileMillis(99)));
	}

	/**
	 * Waits until the node uses less than a tenth of a core over {@value #QUIET_SECONDS} seconds (the deadline sweep
	 * has checked the new handoffs, the database has written its pages), at most {@value #SETTLE_MINUTES} minutes,
	 * and says how long that took. Without the server's pid (an external server given without {@code --pid}) there
	 * is nothing to watch, and it says so.
	 */
	private void settle() throws InterruptedException {
		Target target = http.target();
		if (target.cpuTime().isEmpty()) {
			out.printf("%-44s %s%n", "inbox: settle", "not watched (no pid of the server)");
			return;
		}
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MINUTES.toNanos(SETTLE_MINUTES);
		boolean quiet = false;
		while (!quiet && System.nanoTime() < deadline) {
			Duration before = target.cpuTime().orElse(Duration.ZERO);
			Thread.sleep(TimeUnit.SECONDS.toMillis(QUIET_SECONDS));
			Duration used = target.cpuTime().orElse(Duration.ZERO).minus(before);
			quiet = used.toMillis() < QUIET_SECONDS * 100L;
		}
		out.printf("%-44s %8.1f s   (%s)%n", "inbox: settle (untimed for the figure)", (System.nanoTime() - started) / 1e9,
				quiet ? "until the node was idle" : "the node was still busy; timing anyway");
	}

	private void load(int owners, int tasks) throws IOException, InterruptedException {
		List<String> entries = new ArrayList<>();
		entries.add(put("Organization", referrer(), """
				{"resourceType":"Organization","id":"%s","active":true,"name":"Bench referrer %s"}"""
				.formatted(referrer(), runId)));
		for (int o = 0; o < owners; o++) {
			entries.add(put("Organization", owner(o), """
					{"resourceType":"Organization","id":"%s","active":true,"name":"Bench inbox %d"}"""
					.formatted(owner(o), o)));
			for (int p = 0; p < PATIENTS_PER_OWNER; p++) {
				entries.add(put("Patient", patient(o, p), """
						{"resourceType":"Patient","id":"%s","gender":"unknown","name":[{"family":"Inbox%d","given":["P%d"]}]}"""
						.formatted(patient(o, p), o, p)));
			}
		}
		send(entries);
		entries.clear();
		for (int o = 0; o < owners; o++) {
			for (int r = 0; r < REFERRALS_PER_OWNER; r++) {
				entries.add(put("ServiceRequest", referral(o, r), """
						{"resourceType":"ServiceRequest","id":"%s","status":"active","intent":"order",
						 "code":{"text":"peer recovery support"},"subject":{"reference":"Patient/%s"},
						 "requester":{"reference":"Organization/%s"},"performer":[{"reference":"Organization/%s"}]}"""
						.formatted(referral(o, r), patient(o, r), referrer(), owner(o))));
			}
		}
		send(entries);
		entries.clear();
		String authoredOn = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		for (int t = 0; t < tasks; t++) {
			int o = t % owners;
			int n = t / owners;
			entries.add("""
					{"resource":{"resourceType":"Task","status":"requested","intent":"order",
					 "code":{"coding":[{"system":"http://hl7.org/fhir/CodeSystem/task-code","code":"fulfill"}]},
					 "focus":{"reference":"ServiceRequest/%s"},"for":{"reference":"Patient/%s"},
					 "authoredOn":"%s","requester":{"reference":"Organization/%s"},
					 "owner":{"reference":"Organization/%s"}},
					 "request":{"method":"POST","url":"Task"}}"""
					.formatted(referral(o, n % REFERRALS_PER_OWNER), patient(o, n % PATIENTS_PER_OWNER), authoredOn,
							referrer(), owner(o)));
		}
		send(entries);
	}

	/** Posts the entries as batch bundles, {@value #LOADERS} at a time; every entry must succeed. */
	private void send(List<String> entries) throws IOException, InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
		try {
			List<Future<?>> posts = new ArrayList<>();
			for (int from = 0; from < entries.size(); from += BATCH) {
				String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
						+ String.join(",", entries.subList(from, Math.min(entries.size(), from + BATCH))) + "]}";
				posts.add(pool.submit(() -> {
					JsonNode response = JSON.readTree(http.send(http.post("", bundle), 200).body());
					for (JsonNode entry : response.path("entry")) {
						String status = entry.path("response").path("status").asText();
						if (!status.startsWith("2")) {
							throw new IOException("a batch entry failed while loading the inbox: " + status + " "
									+ entry.path("response").path("outcome"));
						}
					}
					return null;
				}));
			}
			for (Future<?> post : posts) {
				post.get();
			}
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	private void query(int owners, int count, int connections, Latencies into)
			throws IOException, InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		try {
			List<Future<Latencies>> workers = new ArrayList<>();
			for (int w = 0; w < connections; w++) {
				workers.add(pool.submit(() -> {
					Latencies mine = new Latencies();
					for (int i = 0; i < count / connections; i++) {
						String path = "/Task?owner=Organization/" + owner(ThreadLocalRandom.current().nextInt(owners))
								+ "&status=requested,received&_include=Task:focus&_include=Task:patient";
						long t = System.nanoTime();
						String body = http.send(http.get(path), 200).body();
						mine.add(System.nanoTime() - t);
						if (!body.contains("\"ServiceRequest\"") || !body.contains("\"Patient\"")) {
							throw new IOException("the inbox query returned no included referral or patient");
						}
					}
					return mine;
				}));
			}
			for (Future<Latencies> worker : workers) {
				into.addAll(worker.get());
			}
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	private static String put(String type, String id, String resource) {
		return "{\"resource\":" + resource + ",\"request\":{\"method\":\"PUT\",\"url\":\"" + type + "/" + id + "\"}}";
	}

	private String referrer() {
		return "bench-referrer-" + runId;
	}

	private String owner(int o) {
		return "bench-inbox-" + runId + "-" + o;
	}

	private String patient(int o, int p) {
		return "bench-pt-" + runId + "-" + o + "-" + p;
	}

	private String referral(int o, int r) {
		return "bench-sr-" + runId + "-" + o + "-" + r;
	}
}
