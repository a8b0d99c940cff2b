package org.cwh.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo folder and its SOURCES.md agree: one row per bundle, with its size, and nothing else. */
class DemoDataTest {

	@Test
	void sourcesListsEveryDemoBundleWithItsSize() throws IOException, URISyntaxException {
		Path folder = Path.of(DemoData.class.getClassLoader().getResource("demo/SOURCES.md").toURI()).getParent();
		Map<String, String> rows = new TreeMap<>();
		for (String line : Files.readAllLines(folder.resolve("SOURCES.md"))) {
			String[] cells = line.split("\\|");
			if (cells.length > 2 && cells[1].trim().endsWith(".json")) {
				rows.put(cells[1].trim(), cells[2].trim());
			}
		}
		Map<String, String> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toMap(
					p -> p.getFileName().toString(), p -> String.valueOf(p.toFile().length()), (a, b) -> a,
					TreeMap::new));
		}

		assertEquals(files, rows);
		assertTrue(files.keySet().stream().anyMatch(LoadPlan::isSharedDirectory), "hospital bundles included");
	}
}
