package org.cwh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The team's third-party test data in {@code ../shared/fixtures} (beside the checkout, as in CI), or where the
 * system property {@code cwh.fixtures} points.
 */
public final class Fixtures {

	private Fixtures() {}

	public static Path root() {
		String configured = System.getProperty("cwh.fixtures");
		if (configured != null) {
			return Path.of(configured);
		}
		Path beside = Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures").normalize();
		if (Files.isDirectory(beside)) {
			return beside;
		}
		return Path.of("/work/shared/fixtures");
	}

	public static Path dir(String relative) {
		Path dir = root().resolve(relative);
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("fixture folder missing: " + dir + " (set -Dcwh.fixtures)");
		}
		return dir;
	}

	/** Regular files in a fixture folder, sorted, without the SOURCES.md and index files that describe them. */
	public static List<Path> files(String relative) {
		try (Stream<Path> files = Files.list(dir(relative))) {
			return files.filter(Files::isRegularFile)
					.filter(p -> !p.getFileName().toString().equals("SOURCES.md"))
					.filter(p -> !p.getFileName().toString().equals("index.json"))
					.sorted()
					.toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
