package org.cwh.load;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.config.BackendServicesClient;
import org.cwh.config.CliCommand;
import org.cwh.load.LoadReport.BundleOutcome;
import org.cwh.load.LoadReport.Status;

/**
 * {@code cwh load DIR|FILE... [--url http://localhost:8080/fhir]}: posts Synthea-style transaction and batch bundles
 * to a running server, shared directory bundles first, safe to repeat (see {@link PreparedBundle}). Progress goes to
 * stderr, the summary to stdout; the exit status is 1 when any bundle failed. Listed in the server's command table.
 */
public final class LoadCommand implements CliCommand {

	static final String URL = "--url";
	static final String DEFAULT_URL = "http://localhost:8080/fhir";
	static final String CLIENT_ID = BackendServicesClient.CLIENT_ID;
	static final String CLIENT_KEY = BackendServicesClient.CLIENT_KEY;
	static final String CLIENT_SECRET = BackendServicesClient.CLIENT_SECRET;
	/** What loading needs: conditional creates (search, create) and the counts it reports. */
	static final String SCOPE = "system/*.cruds";
	private static final int PROBLEMS_SHOWN = 5;

	@Override
	public String name() {
		return "load";
	}

	@Override
	public String usage() {
		return "load DIR|FILE... [--url URL] [--client-id ID --client-key JWK-FILE|--client-secret S]\n"
				+ "      post FHIR transaction/batch bundles to a server (default " + DEFAULT_URL
				+ "), authenticated as a registered client";
	}

	@Override
	public Set<String> options() {
		return Set.of(URL, CLIENT_ID, CLIENT_KEY, CLIENT_SECRET);
	}

	@Override
	public int run(Invocation invocation) {
		PrintStream out = invocation.out();
		PrintStream err = invocation.err();
		if (invocation.arguments().isEmpty()) {
			err.println("cwh load: name at least one directory or bundle file; see --help");
			return 2;
		}
		LoadPlan plan;
		try {
			plan = LoadPlan.of(invocation.arguments().stream().map(Path::of).toList());
		} catch (RuntimeException e) {
			err.println("cwh load: " + e.getMessage());
			return 2;
		}
		String url = invocation.options().getOrDefault(URL, DEFAULT_URL);
		BackendServicesClient auth;
		try {
			auth = BackendServicesClient.fromOptions(url, SCOPE, invocation.options(), invocation.clock());
		} catch (IllegalArgumentException e) {
			err.println("cwh load: " + e.getMessage());
			return 2;
		}
		HttpSink sink = new HttpSink(url, FhirContext.forR4Cached(), auth);
		try {
			sink.checkReachable();
		} catch (IOException | RuntimeException e) {
			err.println("cwh load: cannot reach " + url + ": " + e.getMessage());
			return 1;
		}
		LoadReport report = load(plan, sink, new ProgressBar(err, System.console() != null));
		out.println("loaded " + report.summary());
		return report.failures() == 0 ? 0 : 1;
	}


	static LoadReport load(LoadPlan plan, BundleSink sink, Loader.Progress progress) {
		return new Loader(FhirContext.forR4Cached(), sink).run(plan, progress);
	}

	/** One line per bundle, or a bar redrawn with {@code \r} on a terminal; failures and skips always get a line. */
	static final class ProgressBar implements Loader.Progress {
		private static final int WIDTH = 30;
		private final PrintStream err;
		private final boolean terminal;

		ProgressBar(PrintStream err, boolean terminal) {
			this.err = err;
			this.terminal = terminal;
		}

		@Override
		public void done(int finished, int total, BundleOutcome last, LoadReport sofar) {
			if (terminal) {
				err.print("\r\033[K");
			}
			if (last.status() != Status.LOADED || !terminal) {
				err.println(line(last));
			}
			if (terminal) {
				int filled = total == 0 ? WIDTH : finished * WIDTH / total;
				err.printf("[%s%s] %d/%d bundles, %d resources, %d failed, %.0f s", "#".repeat(filled),
						".".repeat(WIDTH - filled), finished, total, sofar.resources(), sofar.failures(),
						sofar.elapsed().toMillis() / 1000.0);
				if (finished == total) {
					err.println();
				}
			}
			err.flush();
		}

		static String line(BundleOutcome o) {
			String name = o.file().getFileName().toString();
			return switch (o.status()) {
				case LOADED -> String.format("loaded %s (%d entries, %d new)", name, o.entries(), o.created());
				case SKIPPED -> "skipped, " + o.detail() + ": " + name;
				case FAILED -> "FAILED " + name + ":\n  " + firstLines(o.detail());
			};
		}

		private static String firstLines(String detail) {
			List<String> lines = detail.lines().toList();
			if (lines.size() <= PROBLEMS_SHOWN) {
				return detail;
			}
			return String.join("\n", lines.subList(0, PROBLEMS_SHOWN)) + "\n  ... and " + (lines.size() - PROBLEMS_SHOWN)
					+ " more";
		}
	}
}
