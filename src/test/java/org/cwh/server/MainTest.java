package org.cwh.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;
import org.cwh.rest.RestSettings;
import org.junit.jupiter.api.Test;

class MainTest {

	@Test
	void helpListsEverySettingWithItsVariableAndDefault() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		String help = out.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		for (SettingKey key : Main.SETTINGS) {
			assertThat(help).contains(key.flag()).contains(key.envVar())
					.contains(key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue());
		}
		assertThat(help).contains("CWH_PORT").contains("8080").contains("CWH_DB_URL").contains("./data");
	}

	@Test
	void flagsWinOverEnvironmentWhichWinsOverDefaults() {
		SettingsSource source = SettingsSource.of(Map.of("cwh.port", "9001"),
				Map.of("CWH_PORT", "9002", "CWH_DB_POOL_SIZE", "7"));
		assertThat(source.integer(ServerSettings.PORT, 0, 65535)).isEqualTo(9001);
		assertThat(source.integer(DatabaseSettings.POOL_SIZE, 2, 500)).isEqualTo(7);
		assertThat(source.string(DatabaseSettings.URL)).isEqualTo("jdbc:h2:file:./data/cwh");
	}

	@Test
	void badSettingsStopWithOneLineNamingTheSetting() {
		assertThatThrownBy(() -> ServerSettings.from(SettingsSource.ofValues(Map.of("cwh.port", "eighty"))))
				.isInstanceOf(SettingException.class)
				.hasMessage("CWH_PORT (--port) must be a whole number from 0 to 65535, was 'eighty'");
		assertThatThrownBy(() -> DatabaseSettings.from(SettingsSource.ofValues(Map.of("cwh.db.url", "jdbc:mysql://x"))))
				.hasMessageContaining("CWH_DB_URL").hasMessageContaining("jdbc:postgresql:");
		assertThatThrownBy(() -> RestSettings.from(SettingsSource.ofValues(Map.of("cwh.max-body-size", "huge"))))
				.hasMessageContaining("CWH_MAX_BODY_SIZE");
		assertThatThrownBy(() -> ServerSettings.from(SettingsSource.ofValues(Map.of("cwh.demo", "maybe"))))
				.hasMessageContaining("true or false");
	}

	@Test
	void sizesAcceptUnits() {
		assertThat(RestSettings.from(SettingsSource.ofValues(Map.of("cwh.max-body-size", "512KB"))).maxBodyBytes())
				.isEqualTo(512 * 1024);
		assertThat(RestSettings.from(SettingsSource.ofValues(Map.of())).maxBodyBytes()).isEqualTo(20L * 1024 * 1024);
	}

	@Test
	void commandLineTakesBothFlagFormsAndBareSwitches() {
		CommandLine line = CommandLine.parse(new String[] {"--port=9000", "--db-url", "jdbc:h2:mem:x", "--demo"},
				Main.SETTINGS, java.util.Set.of());
		assertThat(line.command()).isEqualTo("serve");
		assertThat(line.settings()).containsEntry("cwh.port", "9000").containsEntry("cwh.db.url", "jdbc:h2:mem:x")
				.containsEntry("cwh.demo", "true");
		assertThatThrownBy(() -> CommandLine.parse(new String[] {"--colour", "red"}, Main.SETTINGS, java.util.Set.of()))
				.hasMessage("unknown option --colour; see --help");
	}
}
