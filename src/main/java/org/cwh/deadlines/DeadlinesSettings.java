package org.cwh.deadlines;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;

/**
 * How long each step of a warm handoff may take before the server raises its hand, and how often it looks. Keys
 * {@code cwh.deadlines.*}. A Task's own {@code restriction.period.end} wins over the accept windows.
 *
 * @param acceptStat time to accept a {@code stat} (or {@code asap}) handoff, from its {@code authoredOn}
 * @param acceptUrgent time to accept an {@code urgent} handoff
 * @param acceptRoutine time to accept a {@code routine} handoff, or one without a priority
 * @param firstContactWithin time from acceptance to the first contact (an outreach Communication or a contact step)
 * @param firstVisitWithin time from the crisis encounter (or the referral without one) to the first visit
 * @param sweepEvery how often this node looks for missed deadlines; {@link Duration#ZERO} when its timer is off
 */
public record DeadlinesSettings(Duration acceptStat, Duration acceptUrgent, Duration acceptRoutine,
		Duration firstContactWithin, Duration firstVisitWithin, Duration sweepEvery) {

	public static final SettingKey ACCEPT_STAT = new SettingKey("cwh.deadlines.accept-stat", "1h",
			"time to accept a stat or asap handoff without restriction.period.end, from its authoredOn");
	public static final SettingKey ACCEPT_URGENT = new SettingKey("cwh.deadlines.accept-urgent", "24h",
			"time to accept an urgent handoff without restriction.period.end");
	public static final SettingKey ACCEPT_ROUTINE = new SettingKey("cwh.deadlines.accept-routine", "72h",
			"time to accept a routine handoff (or one without priority) without restriction.period.end");
	public static final SettingKey FIRST_CONTACT = new SettingKey("cwh.deadlines.first-contact", "48h",
			"time from acceptance to the first contact (outreach Communication or contact step)");
	public static final SettingKey FIRST_VISIT = new SettingKey("cwh.deadlines.first-visit", "7d",
			"time from the crisis encounter (or the referral without one) to the first visit");
	public static final SettingKey SWEEP_EVERY = new SettingKey("cwh.deadlines.sweep-every", "1m",
			"how often this node looks for missed handoff deadlines; off: never on a timer");

	public static final List<SettingKey> KEYS =
			List.of(ACCEPT_STAT, ACCEPT_URGENT, ACCEPT_ROUTINE, FIRST_CONTACT, FIRST_VISIT, SWEEP_EVERY);

	public DeadlinesSettings {
		Objects.requireNonNull(acceptStat, "acceptStat");
		Objects.requireNonNull(acceptUrgent, "acceptUrgent");
		Objects.requireNonNull(acceptRoutine, "acceptRoutine");
		Objects.requireNonNull(firstContactWithin, "firstContactWithin");
		Objects.requireNonNull(firstVisitWithin, "firstVisitWithin");
		Objects.requireNonNull(sweepEvery, "sweepEvery");
	}

	public static DeadlinesSettings from(SettingsSource source) {
		return new DeadlinesSettings(days(source, ACCEPT_STAT), days(source, ACCEPT_URGENT),
				days(source, ACCEPT_ROUTINE), days(source, FIRST_CONTACT), days(source, FIRST_VISIT),
				"off".equals(source.string(SWEEP_EVERY).toLowerCase(Locale.ROOT))
						? Duration.ZERO
						: source.duration(SWEEP_EVERY));
	}

	/** {@link SettingsSource#duration} plus whole days ({@code 7d}), which deadlines are often written in. */
	private static Duration days(SettingsSource source, SettingKey key) {
		String raw = source.string(key);
		if (raw.matches("\\d+[dD]")) {
			long n = Long.parseLong(raw.substring(0, raw.length() - 1));
			if (n > 0) {
				return Duration.ofDays(n);
			}
		}
		return source.duration(key);
	}

	/**
	 * The windows as one string ({@code PT1H PT24H PT72H PT48H PT168H}): the due index stores it, and a start with
	 * other windows makes every handoff due once, since its next checks were counted with the old ones.
	 */
	public String windows() {
		return String.join(" ", acceptStat.toString(), acceptUrgent.toString(), acceptRoutine.toString(),
				firstContactWithin.toString(), firstVisitWithin.toString());
	}

	/** Whether this node sweeps on its own timer. */
	public boolean sweepOnTimer() {
		return !sweepEvery.isZero();
	}
}
