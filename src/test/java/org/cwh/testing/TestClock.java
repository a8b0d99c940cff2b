package org.cwh.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the shared test server and of its test clients: real time plus an offset that tests move forward
 * ({@link #advance}) instead of sleeping, e.g. past a handoff deadline or a delivery back-off. Time still passes
 * between requests, as in production, and it never runs backwards: every token issued, every assertion signed and
 * every deadline stored stays consistent for the tests that run after a move. A test that needs "now" reads
 * {@link CwhServerExtension#clock()}, never {@link Instant#now()}.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** Moves the time forward by this much, for the server and every test client at once. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("the test clock only moves forward: " + by);
		}
		offset.accumulateAndGet(by, Duration::plus);
		return instant();
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (ZoneOffset.UTC.equals(zone)) {
			return this;
		}
		throw new UnsupportedOperationException("the test clock is UTC");
	}
}
