package org.cwh.server;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.cwh.config.CliCommand;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;
import org.cwh.deadlines.DeadlinesSettings;
import org.cwh.directory.DirectorySettings;
import org.cwh.load.DemoData;
import org.cwh.profiles.ProfilesSettings;
import org.cwh.rest.RestSettings;
import org.cwh.notify.NotifySettings;
import org.cwh.security.SecuritySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar cwh.jar [serve|load|bench] [--setting value]...}: starts a node, loads bundles into a running one,
 * or benchmarks one. Settings come from flags, then {@code CWH_*} environment variables, then defaults; a bad one
 * stops start-up with a single line on stderr and exit status 2.
 */
public final class Main {

	private static final Logger log = LoggerFactory.getLogger(Main.class);

	/** Every setting of the server, for flags and {@code --help}. */
	static final List<SettingKey> SETTINGS = settings();

	private static List<SettingKey> settings() {
		List<SettingKey> keys = new ArrayList<>();
		keys.addAll(ServerSettings.KEYS);
		keys.addAll(DatabaseSettings.KEYS);
		keys.addAll(RestSettings.KEYS);
		keys.addAll(ProfilesSettings.KEYS);
		keys.addAll(DirectorySettings.KEYS);
		keys.addAll(SecuritySettings.KEYS);
		keys.addAll(NotifySettings.KEYS);
		keys.addAll(DeadlinesSettings.KEYS);
		return List.copyOf(keys);
	}

	private Main() {}

	public static void main(String[] args) {
		int status;
		try {
			status = run(args, System.out, System.err);
		} catch (SettingException e) {
			System.err.println("cwh: " + e.getMessage());
			status = 2;
		} catch (RuntimeException e) {
			System.err.println("cwh: cannot start: " + (causedByDatabase(e) ? "the database did not answer: " : "")
					+ rootMessage(e));
			status = 1;
		}
		if (status >= 0) {
			System.exit(status);
		}
	}

	/** Runs a command; returns the exit status, or -1 when the server keeps running. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine line = CommandLine.parse(args, SETTINGS, Commands.options());
		if (line.help()) {
			out.print(Commands.help(SETTINGS));
			return 0;
		}
		SettingsSource source = SettingsSource.of(line.settings(), System.getenv());
		return switch (line.command()) {
			case "serve" -> {
				serve(source, out);
				yield -1;
			}
			default -> Commands.named(line.command())
					.orElseThrow(() -> new SettingException("unknown command '" + line.command() + "'; see --help"))
					.run(new CliCommand.Invocation(line.arguments(), line.options(), source, out, err));
		};
	}

	private static void serve(SettingsSource source, PrintStream out) {
		CwhServer server = CwhServer.start(source);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("stopping");
			server.close();
		}, "cwh-shutdown"));
		// Counted from the JVM's start, not main's: that is what an operator waits for.
		long readyMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
		if (server.bean(ServerSettings.class).demo()) {
			out.println("demo data: loading the bundled patients (already loaded ones are skipped)...");
			out.println("demo data: " + DemoData.loadInto(server.bean(DaoRegistry.class)).summary());
		}
		Welcome.print(out, server, readyMillis);
	}

	private static boolean causedByDatabase(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException || t.getClass().getName().startsWith("com.zaxxer.hikari")) {
				return true;
			}
		}
		return false;
	}

	static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.lines().findFirst().orElse(message);
	}
}
