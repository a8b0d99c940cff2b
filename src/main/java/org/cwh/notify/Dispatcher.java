package org.cwh.notify;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on this node: one thread claims due notifications ({@link Outbox#claim}) when woken right after
 * a local commit and every {@code cwh.notify.poll-interval} otherwise (writes of other nodes, back-offs that ended),
 * and a small pool posts each as an id-only Bundle ({@link Notification}) with the Subscription's headers. Any 2xx
 * marks it delivered; anything else (an error status, no answer within the timeout, a refused connection, an endpoint
 * no longer allowed) makes it due again after {@link NotifySettings#backoff}, for ever. Redirects are not followed.
 * Started and stopped by {@link NotifyConfig}.
 */
final class Dispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	private static final int SENDERS = 4;
	private static final int MAX_IN_FLIGHT = 32;
	/** How often a node deletes delivered notifications older than {@code cwh.notify.keep-delivered}. */
	static final Duration PURGE_EVERY = Duration.ofMinutes(10);

	private final Outbox outbox;
	private final NotifySettings settings;
	private final EndpointPolicy endpoints;
	private final FhirContext ctx;
	private final Clock clock;
	private final String publicBase;
	/**
	 * Made on the first delivery, not at start: building it sets up TLS and the HTTP client (about 1,500 classes to
	 * load), work that a start need not wait for on a node that may have nobody to notify yet.
	 */
	private volatile HttpClient http;
	private final ExecutorService senders;
	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
	private final Object signal = new Object();
	private final Thread loop;
	private volatile boolean woken;
	private volatile boolean running = true;
	private long lastPurge;

	Dispatcher(Outbox outbox, NotifySettings settings, FhirContext ctx, Clock clock, String publicBase) {
		this.outbox = outbox;
		this.settings = settings;
		this.endpoints = EndpointPolicy.of(settings);
		this.ctx = ctx;
		this.clock = clock;
		this.publicBase = publicBase;
		this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
			Thread t = new Thread(r, "cwh-notify-send");
			t.setDaemon(true);
			return t;
		});
		this.loop = new Thread(this::run, "cwh-notify-dispatch");
		this.loop.setDaemon(true);
	}

	void start() {
		loop.start();
	}

	private HttpClient http() {
		HttpClient client = http;
		if (client == null) {
			synchronized (this) {
				if (http == null) {
					http = HttpClient.newBuilder().connectTimeout(settings.timeout())
							.followRedirects(HttpClient.Redirect.NEVER).build();
				}
				client = http;
			}
		}
		return client;
	}

	/** Look for work now: a local transaction just committed notifications, or a delivery finished. */
	void wake() {
		synchronized (signal) {
			woken = true;
			signal.notifyAll();
		}
	}

	private void run() {
		while (running) {
			try {
				dispatchDue();
			} catch (Exception e) {
				log.warn("notify: cannot claim notifications: {}", e.getClass().getSimpleName());
			}
			if (clock.millis() - lastPurge >= PURGE_EVERY.toMillis()) {
				purgeDelivered();
			}
			synchronized (signal) {
				if (!woken && running) {
					try {
						signal.wait(settings.pollInterval().toMillis());
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				woken = false;
			}
		}
	}

	private void dispatchDue() throws Exception {
		int room = MAX_IN_FLIGHT - inFlight.size();
		if (room <= 0) {
			return;
		}
		long now = clock.millis();
		long lease = now + settings.timeout().toMillis() * 2 + 30_000;
		List<Outbox.Claimed> claimed = outbox.claim(now, lease, room);
		for (Outbox.Claimed n : claimed) {
			if (inFlight.add(n.id())) {
				senders.execute(() -> {
					try {
						deliver(n);
					} finally {
						inFlight.remove(n.id());
						wake();
					}
				});
			}
		}
	}

	/**
	 * Deletes the notifications delivered longer than {@code cwh.notify.keep-delivered} ago, so the outbox holds what
	 * is still to deliver and a recent history, not every notification ever sent; returns how many. The dispatch loop
	 * calls it every {@link #PURGE_EVERY}.
	 */
	int purgeDelivered() {
		long now = clock.millis();
		lastPurge = now;
		try {
			int purged = outbox.purgeDelivered(now - settings.keepDelivered().toMillis());
			if (purged > 0) {
				log.info("notify: deleted {} notifications delivered more than {} ago", purged, settings.keepDelivered());
			}
			return purged;
		} catch (Exception e) {
			log.warn("notify: cannot delete delivered notifications: {}", e.getClass().getSimpleName());
			return 0;
		}
	}

	private void deliver(Outbox.Claimed n) {
		String error = attempt(n);
		long now = clock.millis();
		try {
			if (error == null) {
				outbox.delivered(n.id(), now);
			} else {
				Duration wait = settings.backoff(n.attempts());
				outbox.retryAt(n.id(), now + wait.toMillis(), error);
				log.info("notify: Subscription/{} event {} not delivered (attempt {}: {}); next attempt in {}",
						n.subscriptionId(), n.eventNumber(), n.attempts(), error, wait);
			}
		} catch (Exception e) {
			log.warn("notify: cannot record the delivery of event {} of Subscription/{}: {}", n.eventNumber(),
					n.subscriptionId(), e.getClass().getSimpleName());
		}
	}

	/** Null when the receiver answered 2xx, else why not. */
	private String attempt(Outbox.Claimed n) {
		var refusal = endpoints.refusal(n.endpoint());
		if (refusal.isPresent()) {
			return refusal.get();
		}
		String base = publicBase.isEmpty() ? n.serverBase() : publicBase;
		// The focus names the version that was written; HAPI's encoder would strip it from references by default.
		String body = ctx.newJsonParser().setStripVersionsFromReferences(false)
				.encodeResourceToString(Notification.of(n, base, clock.millis()));
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(n.endpoint()))
					.timeout(settings.timeout())
					.header("Content-Type", n.payloadType() + (n.payloadType().contains("charset") ? "" : "; charset=UTF-8"))
					.POST(HttpRequest.BodyPublishers.ofString(body));
			for (String header : n.headers()) {
				int colon = header.indexOf(':');
				request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
			}
			HttpResponse<Void> response = http().send(request.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return status >= 200 && status < 300 ? null : "HTTP " + status;
		} catch (IOException | IllegalArgumentException e) {
			return e.getClass().getSimpleName();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	@Override
	public void close() {
		running = false;
		wake();
		senders.shutdown();
		try {
			loop.join(5_000);
			senders.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		senders.shutdownNow();
	}
}
