package org.cwh.server;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;

/** The commands besides {@code serve}, and the {@code --help} text that lists them with every setting. */
final class Commands {

	static final Set<String> OPTIONS = Set.of();

	private Commands() {}

	static int run(String command, List<String> arguments, Map<String, String> options, PrintStream out,
			PrintStream err) {
		throw new SettingException("unknown command '" + command + "'; see --help");
	}

	static String help(List<SettingKey> settings) {
		StringBuilder text = new StringBuilder();
		text.append("""
				CWH - Crisis Warm Handoff FHIR server (FHIR R4, HAPI FHIR JPA)

				Usage:
				  java -jar cwh.jar [serve] [settings]     start a node (the default command)
				  java -jar cwh.jar --help                 this text

				Settings (flag, environment variable, default). A flag wins over the variable;
				both win over cwh.properties in the working directory (or the file CWH_CONFIG names):
				""");
		for (SettingKey key : settings) {
			text.append(String.format("  %-22s %-22s %s%n      %s%n", key.flag(), key.envVar(),
					key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue(), key.description()));
		}
		return text.toString();
	}
}
