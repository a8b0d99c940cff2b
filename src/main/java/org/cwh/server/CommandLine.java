package org.cwh.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;

/**
 * The parsed command line: a command ({@code serve} by default), its arguments, setting flags by key and the
 * command's own options. {@code --flag value} and {@code --flag=value} both work.
 */
record CommandLine(String command, List<String> arguments, Map<String, String> settings,
		Map<String, String> options, boolean help) {

	static CommandLine parse(String[] args, List<SettingKey> keys, Set<String> commandOptions) {
		Map<String, SettingKey> byFlag = new HashMap<>();
		keys.forEach(k -> byFlag.put(k.flag(), k));
		String command = null;
		List<String> arguments = new ArrayList<>();
		Map<String, String> settings = new HashMap<>();
		Map<String, String> options = new HashMap<>();
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if ("--help".equals(arg) || "-h".equals(arg) || "help".equals(arg) && command == null) {
				help = true;
				continue;
			}
			if (!arg.startsWith("--")) {
				if (command == null) {
					command = arg;
				} else {
					arguments.add(arg);
				}
				continue;
			}
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value;
			if (arg.contains("=")) {
				value = arg.substring(arg.indexOf('=') + 1);
			} else if (isSwitch(byFlag.get(name)) && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
				value = "true";
			} else if (i + 1 < args.length) {
				value = args[++i];
			} else {
				throw new SettingException("option " + name + " needs a value; see --help");
			}
			if (byFlag.containsKey(name)) {
				settings.put(byFlag.get(name).key(), value);
			} else if (commandOptions.contains(name)) {
				options.put(name, value);
			} else {
				throw new SettingException("unknown option " + name + "; see --help");
			}
		}
		return new CommandLine(command == null ? "serve" : command, arguments, settings, options, help);
	}

	/** A true/false setting may be given as a bare flag: {@code --demo} means {@code --demo true}. */
	private static boolean isSwitch(SettingKey key) {
		return key != null && ("true".equals(key.defaultValue()) || "false".equals(key.defaultValue()));
	}
}
