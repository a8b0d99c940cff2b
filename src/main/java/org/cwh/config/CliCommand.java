package org.cwh.config;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command of the jar besides {@code serve} ({@code load}, {@code bench}, ...). The package that owns the work
 * implements it; the server's {@code Main} lists the commands and hands each its arguments.
 */
public interface CliCommand {

	/** The word after {@code java -jar cwh.jar}. */
	String name();

	/** One line for {@code --help}: arguments and what the command does. */
	String usage();

	/** Options of this command beyond the server settings, e.g. {@code --url}. */
	Set<String> options();

	/** Runs the command and returns the process exit status. */
	int run(Invocation invocation);

	/**
	 * What a command is given.
	 *
	 * @param arguments words after the command name
	 * @param options the command's own options by flag ({@code --url})
	 * @param settings server settings, for commands that start or reach a node
	 * @param clock what a command dates its client assertions by; the system clock, except in tests that move the
	 *     server's clock
	 */
	record Invocation(List<String> arguments, Map<String, String> options, SettingsSource settings, PrintStream out,
			PrintStream err, Clock clock) {

		public Invocation(List<String> arguments, Map<String, String> options, SettingsSource settings,
				PrintStream out, PrintStream err) {
			this(arguments, options, settings, out, err, Clock.systemUTC());
		}
	}
}
