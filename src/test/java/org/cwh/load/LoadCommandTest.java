package org.cwh.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cwh.config.CliCommand;
import org.cwh.config.SettingsSource;
import org.cwh.load.LoadReport.BundleOutcome;
import org.cwh.load.LoadReport.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code cwh load} prints, without a server. */
class LoadCommandTest {

	private static final BundleOutcome LOADED = new BundleOutcome(Path.of("d/p.json"), Status.LOADED, 10, 9, "");
	private static final BundleOutcome FAILED =
			new BundleOutcome(Path.of("d/q.json"), Status.FAILED, 3, 0, "a\n  b\n  c\n  d\n  e\n  f\n  g");

	private static String draw(boolean terminal, BundleOutcome... outcomes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		LoadCommand.ProgressBar bar =
				new LoadCommand.ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
		for (int i = 0; i < outcomes.length; i++) {
			bar.done(i + 1, outcomes.length, outcomes[i],
					new LoadReport(List.of(outcomes).subList(0, i + 1), Duration.ofSeconds(2)));
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void withoutATerminalEveryBundleGetsOneLine() {
		assertEquals("loaded p.json (10 entries, 9 new)\n", draw(false, LOADED).replace("\r\n", "\n"));
	}

	@Test
	void onATerminalTheBarIsRedrawnAndFailuresStayOnScreenShortened() {
		String screen = draw(true, LOADED, FAILED);

		assertTrue(screen.contains("\r\033[K[###############...............] 1/2 bundles"), screen);
		assertTrue(screen.contains("FAILED q.json:\n  a\n  b\n  c\n  d\n  e\n  ... and 2 more"), screen);
		assertTrue(screen.endsWith("2/2 bundles, 10 resources, 1 failed, 2 s" + System.lineSeparator()), screen);
	}

	@Test
	void noDirectoryIsAUsageError() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new LoadCommand().run(new CliCommand.Invocation(List.of(), Map.of(),
				SettingsSource.ofValues(Map.of()), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));

		assertEquals(2, status);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("name at least one directory"));
	}

	@Test
	void anUnreachableServerStopsBeforeAnyBundle(@TempDir Path dir) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new LoadCommand().run(new CliCommand.Invocation(List.of(dir.toString()),
				Map.of(LoadCommand.URL, "http://127.0.0.1:1/fhir"), SettingsSource.ofValues(Map.of()), System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8)));

		assertEquals(1, status);
		assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cwh load: cannot reach http://127.0.0.1:1/fhir"));
	}
}
