package org.cwh.server;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cwh.bench.BenchCommand;
import org.cwh.config.CliCommand;
import org.cwh.config.SettingKey;
import org.cwh.load.LoadCommand;
import org.cwh.security.ClientCommand;

/** The commands besides {@code serve}, and the {@code --help} text that lists them with every setting. */
final class Commands {

	/** Every command of the jar besides {@code serve}. */
	static final List<CliCommand> ALL = List.of(new LoadCommand(), new ClientCommand(), new BenchCommand(), new CdsCommand());

	private Commands() {}

	static Optional<CliCommand> named(String name) {
		return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
	}

	static Set<String> options() {
		Set<String> options = new HashSet<>();
		ALL.forEach(c -> options.addAll(c.options()));
		return options;
	}

	static String help(List<SettingKey> settings) {
		StringBuilder text = new StringBuilder();
		text.append("""
				CWH - Crisis Warm Handoff FHIR server (FHIR R4, HAPI FHIR JPA)

				Usage:
				  java -jar cwh.jar [serve] [settings]     start a node (the default command)
				""");
		for (CliCommand command : ALL) {
			text.append(String.format("  java -jar cwh.jar %s%n", command.usage()));
		}
		text.append("""
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
