package org.cwh.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.cwh.deadlines.DeadlineCalculator.Deadline;

/**
 * When a handoff needs its next look, for {@link DueIndex}. Pure: deadlines, failures and "now" in, an instant out.
 *
 * <ul>
 *   <li>After a check that went through, every deadline already past was raised (or had been), so only the open
 *   deadlines not yet past can need a hand: the next look is the first instant the earliest of them counts as missed.
 *   A deadline is missed once "now" is after it ({@link DeadlineCalculator#missed}), and the index keeps
 *   microseconds, so that is one microsecond after it. None left: only a write can bring one back.</li>
 *   <li>After a check that failed, the handoff is tried again later and later: one minute (the next sweep by
 *   default), then twice as long after each failure in a row, at most an hour, so a handoff that always fails costs
 *   the sweep little and still gets its hand raised as soon as the cause is fixed.</li>
 * </ul>
 */
final class NextCheck {

	static final Duration PRECISION = Duration.ofNanos(1_000);
	static final Duration FIRST_RETRY = Duration.ofMinutes(1);
	static final Duration LAST_RETRY = Duration.ofHours(1);

	private NextCheck() {}

	/** The first instant one of these open deadlines that is not past at {@code now} is missed; empty when none. */
	static Optional<Instant> after(Collection<Deadline> open, Instant now) {
		return open.stream().map(Deadline::due).filter(due -> !due.isBefore(now)).min(Instant::compareTo)
				.map(due -> due.plus(PRECISION));
	}

	/** When to try again after the {@code failures}-th failed check in a row (1 for the first). */
	static Instant retry(int failures, Instant now) {
		if (failures < 1) {
			throw new IllegalArgumentException("failures start at 1, was " + failures);
		}
		// 2^6 minutes is past the hour already; stop doubling there so the shift cannot overflow.
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 6));
		return now.plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
	}
}
