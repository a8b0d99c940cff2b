package org.cwh.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.cwh.config.SettingException;
import org.cwh.config.SettingsSource;
import org.junit.jupiter.api.Test;

/**
 * The deadline windows' defaults, their units, the timer switched off, what tells the due index the windows changed,
 * and a bad value stopping the start.
 */
class DeadlinesSettingsTest {

	@Test
	void defaults() {
		DeadlinesSettings settings = DeadlinesSettings.from(SettingsSource.ofValues(Map.of()));
		assertThat(settings).isEqualTo(new DeadlinesSettings(Duration.ofHours(1), Duration.ofHours(24),
				Duration.ofHours(72), Duration.ofHours(48), Duration.ofDays(7), Duration.ofMinutes(1)));
		assertThat(settings.sweepOnTimer()).isTrue();
	}

	@Test
	void durationsInDaysHoursMinutesOrIso() {
		DeadlinesSettings settings = DeadlinesSettings.from(SettingsSource.ofValues(Map.of(
				"cwh.deadlines.accept-stat", "30m", "cwh.deadlines.accept-urgent", "PT12H",
				"cwh.deadlines.accept-routine", "2d", "cwh.deadlines.first-contact", "36h",
				"cwh.deadlines.first-visit", "P3D", "cwh.deadlines.sweep-every", "30s")));
		assertThat(settings).isEqualTo(new DeadlinesSettings(Duration.ofMinutes(30), Duration.ofHours(12),
				Duration.ofDays(2), Duration.ofHours(36), Duration.ofDays(3), Duration.ofSeconds(30)));
	}

	@Test
	void theTimerCanBeOff() {
		DeadlinesSettings settings = DeadlinesSettings.from(SettingsSource.ofValues(Map.of(
				"cwh.deadlines.sweep-every", "off")));
		assertThat(settings.sweepOnTimer()).isFalse();
	}

	@Test
	void theWindowsChangeWithAnyWindowButNotWithTheTimer() {
		DeadlinesSettings defaults = DeadlinesSettings.from(SettingsSource.ofValues(Map.of()));
		assertThat(defaults.windows()).isEqualTo("PT1H PT24H PT72H PT48H PT168H");
		assertThat(DeadlinesSettings.from(SettingsSource.ofValues(Map.of("cwh.deadlines.sweep-every", "off")))
				.windows()).isEqualTo(defaults.windows());
		assertThat(DeadlinesSettings.from(SettingsSource.ofValues(Map.of("cwh.deadlines.first-visit", "3d")))
				.windows()).isNotEqualTo(defaults.windows());
	}

	@Test
	void aBadWindowNamesItsSetting() {
		assertThatThrownBy(() -> DeadlinesSettings.from(SettingsSource.ofValues(Map.of(
				"cwh.deadlines.first-visit", "0d")))).isInstanceOf(SettingException.class)
				.hasMessageContaining("CWH_DEADLINES_FIRST_VISIT");
		assertThatThrownBy(() -> DeadlinesSettings.from(SettingsSource.ofValues(Map.of(
				"cwh.deadlines.accept-stat", "soon")))).isInstanceOf(SettingException.class)
				.hasMessageContaining("CWH_DEADLINES_ACCEPT_STAT");
	}
}
