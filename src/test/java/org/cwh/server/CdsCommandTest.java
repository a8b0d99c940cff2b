package org.cwh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cwh.config.CliCommand;
import org.cwh.config.SettingsSource;
import org.junit.jupiter.api.Test;

/**
 * {@code cwh cds} outside the jar. Making a real archive takes a training node and minutes, so the build does not;
 * the README's measurement and the Docker image run it.
 */
class CdsCommandTest {

	@Test
	void outsideTheJarItSaysSoAndMakesNothing() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new CdsCommand().run(new CliCommand.Invocation(List.of(), Map.of(),
				SettingsSource.ofValues(Map.of()), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));

		assertEquals(2, status);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("run it from the jar"), err.toString());
	}

	@Test
	void helpListsIt() {
		assertTrue(Commands.help(Main.SETTINGS).contains("java -jar cwh.jar cds [--archive FILE]"));
	}
}
