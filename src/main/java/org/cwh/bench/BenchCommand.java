package org.cwh.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.cwh.config.BackendServicesClient;
import org.cwh.config.CliCommand;
import org.cwh.config.SettingException;

/**
 * {@code java -jar cwh.jar bench}: starts a fresh node on a temporary H2 database with authentication on and a client
 * of its own ({@link Target#launchWithClient}), or measures the one at {@code --url} (e.g. a stock HAPI server, with
 * {@code --pid} for its memory and {@code --client-id} when it needs tokens), and prints start-to-ready time, RSS
 * under load, sequential creates, reads by id at 8 connections, and crisis-handoff transactions. Loopback only and
 * bounded: about two minutes, a third of it an untimed warm-up. The transaction workload is {@code bench/handoff-transaction.json}.
 * {@code --inbox-tasks N} adds the provider's inbox query over N stored Tasks ({@link InboxWorkload}).
 */
public final class BenchCommand implements CliCommand {

	static final String URL = "--url";
	static final String PID = "--pid";
	static final String SCALE = "--scale";
	static final String JVM_OPTIONS = "--jvm-options";
	static final String INBOX_TASKS = "--inbox-tasks";

	/**
	 * The launched node's JVM options unless {@code --jvm-options} says otherwise. RSS follows the heap limit far more
	 * than the server, so figures are only comparable under the same options: give a stock server these too.
	 */
	static final String DEFAULT_JVM_OPTIONS = "-Xmx512m";

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "bench [--url BASE [--pid PID] [--client-id ID --client-key JWK-FILE|--client-secret S]] [--scale N]"
				+ " [--inbox-tasks N]\n      benchmark a fresh node (or the server at BASE, as that client if it needs tokens)";
	}

	@Override
	public Set<String> options() {
		return Set.of(URL, PID, SCALE, JVM_OPTIONS, INBOX_TASKS, BackendServicesClient.CLIENT_ID,
				BackendServicesClient.CLIENT_KEY, BackendServicesClient.CLIENT_SECRET);
	}

	@Override
	public int run(Invocation invocation) {
		PrintStream out = invocation.out();
		double scale = scale(invocation.options().getOrDefault(SCALE, "1"));
		String url = invocation.options().get(URL);
		int inboxTasks = inboxTasks(invocation.options().getOrDefault(INBOX_TASKS, "0"));
		try {
			if (url != null) {
				Long pid = invocation.options().containsKey(PID) ? Long.valueOf(invocation.options().get(PID)) : null;
				Target target = Target.external(URI.create(url), pid,
						BackendServicesClient.fromOptions(url, Target.SCOPE, invocation.options(),
								invocation.clock()));
				new Workloads(target, scale, out).runAll(null, inboxTasks);
				return 0;
			}
			Path dir = Files.createTempDirectory("cwh-bench");
			String jvmOptions = invocation.options().getOrDefault(JVM_OPTIONS, DEFAULT_JVM_OPTIONS);
			out.println("node JVM options: " + (jvmOptions.isBlank() ? "(none)" : jvmOptions));
			try (Target target = Target.launchWithClient(dir, jvmOptions, Duration.ofMinutes(3), out)) {
				new Workloads(target, scale, out).runAll(target.readyAfter(), inboxTasks);
			}
			return 0;
		} catch (IllegalArgumentException e) {
			invocation.err().println("cwh bench: " + e.getMessage());
			return 2;
		} catch (IOException | InterruptedException e) {
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			invocation.err().println("cwh bench: " + e.getMessage());
			return 1;
		}
	}

	private static int inboxTasks(String raw) {
		try {
			int value = Integer.parseInt(raw);
			if (value >= 0 && value <= 1_000_000) {
				return value;
			}
		} catch (NumberFormatException e) {
			// fall through to the one-line error below
		}
		throw new SettingException("--inbox-tasks must be a whole number from 0 to 1000000, was '" + raw + "'");
	}

	private static double scale(String raw) {
		try {
			double value = Double.parseDouble(raw);
			if (value > 0 && value <= 100) {
				return value;
			}
		} catch (NumberFormatException e) {
			// fall through to the one-line error below
		}
		throw new SettingException("--scale must be a number above 0 and at most 100, was '" + raw + "'");
	}
}
