package org.cwh.load;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo patients bundled in the jar ({@code demo/}, sources in {@code demo/SOURCES.md}): Synthea crisis and
 * behavioral-health patients with their hospitals and practitioners. Loaded at start when {@code cwh.demo} is true,
 * in-process through the system DAO with the same plan and rewrites as {@code cwh load}; patients already stored are
 * skipped, so a restart costs a few searches.
 */
public final class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String FOLDER = "demo";

	private DemoData() {}

	/** Loads what is missing and returns what happened; logs the diagnostics of any bundle that failed. */
	public static LoadReport loadInto(DaoRegistry daos) {
		LoadReport report = withFolder(folder -> new Loader(daos.getFhirContext(), new DaoSink(daos))
				.run(LoadPlan.of(List.of(folder)), (finished, total, last, sofar) -> {}));
		// Diagnostics only: the demo file names carry (synthetic) patient names.
		report.outcomes().stream().filter(o -> o.status() == LoadReport.Status.FAILED)
				.forEach(o -> log.warn("demo bundle failed: {}", o.detail()));
		return report;
	}

	private static LoadReport withFolder(java.util.function.Function<Path, LoadReport> work) {
		URL url = DemoData.class.getClassLoader().getResource(FOLDER + "/SOURCES.md");
		if (url == null) {
			throw new IllegalStateException("demo data missing from the classpath (" + FOLDER + "/SOURCES.md)");
		}
		try {
			URI uri = url.toURI();
			if (!"jar".equals(uri.getScheme())) {
				return work.apply(Path.of(uri).getParent());
			}
			FileSystem jar;
			boolean ours = true;
			try {
				jar = FileSystems.newFileSystem(uri, Map.of());
			} catch (FileSystemAlreadyExistsException e) {
				// Another part of the process has the jar open; use its view and leave closing to it.
				jar = FileSystems.getFileSystem(uri);
				ours = false;
			}
			try {
				return work.apply(jar.getPath(FOLDER));
			} finally {
				if (ours) {
					jar.close();
				}
			}
		} catch (URISyntaxException e) {
			throw new IllegalStateException("bad demo data location " + url, e);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read demo data", e);
		}
	}
}
