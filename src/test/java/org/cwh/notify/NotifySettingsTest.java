package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.cwh.config.SettingException;
import org.cwh.config.SettingsSource;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {

	@Test
	void defaultsAllowNothingAndHttpsOnly() {
		NotifySettings settings = NotifySettings.from(SettingsSource.ofValues(Map.of()));
		assertThat(settings.allowedEndpoints()).isEmpty();
		assertThat(settings.allowHttp()).isFalse();
		assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void backoffDoublesUpToTheMaximum() {
		NotifySettings settings = NotifySettings.from(SettingsSource.ofValues(
				Map.of("cwh.notify.retry-first", "10s", "cwh.notify.retry-max", "1m")));
		assertThat(settings.backoff(0)).isEqualTo(Duration.ZERO);
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backoff(1_000_000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void badValuesStopTheStartNamingTheSetting() {
		assertThatThrownBy(() -> NotifySettings.from(SettingsSource.ofValues(
				Map.of("cwh.notify.allowed-endpoints", "hooks.example.org, ftp://x"))))
				.isInstanceOf(SettingException.class).hasMessageContaining("CWH_NOTIFY_ALLOWED_ENDPOINTS");
		assertThatThrownBy(() -> NotifySettings.from(SettingsSource.ofValues(
				Map.of("cwh.notify.retry-first", "5m", "cwh.notify.retry-max", "1m"))))
				.isInstanceOf(SettingException.class).hasMessageContaining("CWH_NOTIFY_RETRY_MAX");
	}
}
