package org.cwh.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where setting values come from, highest priority first: command-line flags, environment variables, an optional
 * {@code cwh.properties} file (in the working directory, or where {@code CWH_CONFIG} points), then each key's default.
 * Typed getters fail fast with a {@link SettingException} naming the key.
 */
public final class SettingsSource {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

	private final Map<String, String> flags;
	private final Map<String, String> environment;
	private final Properties file;

	private SettingsSource(Map<String, String> flags, Map<String, String> environment, Properties file) {
		this.flags = Map.copyOf(flags);
		this.environment = Map.copyOf(environment);
		this.file = file;
	}

	/** Flags given by key ({@code cwh.db.url}), the process environment and {@code cwh.properties} if present. */
	public static SettingsSource of(Map<String, String> flagsByKey, Map<String, String> environment) {
		String configFile = environment.getOrDefault("CWH_CONFIG", "cwh.properties");
		return new SettingsSource(flagsByKey, environment, readProperties(Path.of(configFile)));
	}

	/** Only explicit values and defaults: for tests and tools that must not read the caller's environment. */
	public static SettingsSource ofValues(Map<String, String> valuesByKey) {
		return new SettingsSource(valuesByKey, Map.of(), new Properties());
	}

	/** A copy with some values replaced, e.g. a test that moves the port to 0. */
	public SettingsSource with(Map<String, String> overridesByKey) {
		Map<String, String> merged = new HashMap<>(flags);
		merged.putAll(overridesByKey);
		return new SettingsSource(merged, environment, file);
	}

	private static Properties readProperties(Path path) {
		Properties properties = new Properties();
		if (Files.isRegularFile(path)) {
			try (InputStream in = Files.newInputStream(path)) {
				properties.load(in);
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read " + path, e);
			}
		}
		return properties;
	}

	public String string(SettingKey key) {
		String value = flags.get(key.key());
		if (value == null) {
			value = environment.get(key.envVar());
		}
		if (value == null) {
			value = file.getProperty(key.key());
		}
		return value == null ? key.defaultValue() : value.trim();
	}

	public int integer(SettingKey key, int min, int max) {
		String raw = string(key);
		try {
			int value = Integer.parseInt(raw);
			if (value >= min && value <= max) {
				return value;
			}
		} catch (NumberFormatException e) {
			// fall through to the one-line error below
		}
		throw new SettingException(key, "a whole number from " + min + " to " + max, raw);
	}

	public boolean bool(SettingKey key) {
		String raw = string(key).toLowerCase(Locale.ROOT);
		return switch (raw) {
			case "true", "yes", "on", "1" -> true;
			case "false", "no", "off", "0" -> false;
			default -> throw new SettingException(key, "true or false", raw);
		};
	}

	/** Sizes such as {@code 20MB}, {@code 512KB} or a plain number of bytes. */
	public long bytes(SettingKey key) {
		String raw = string(key);
		Matcher m = SIZE.matcher(raw);
		if (m.matches()) {
			long n = Long.parseLong(m.group(1));
			String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
			long factor = switch (unit) {
				case "KB" -> 1024L;
				case "MB" -> 1024L * 1024;
				case "GB" -> 1024L * 1024 * 1024;
				default -> 1L;
			};
			if (n > 0) {
				return n * factor;
			}
		}
		throw new SettingException(key, "a size above 0 such as 20MB, 512KB or 1048576", raw);
	}

	/** ISO-8601 durations ({@code PT4H}) or a number with a unit ({@code 30s}, {@code 5m}, {@code 4h}). */
	public Duration duration(SettingKey key) {
		String raw = string(key);
		try {
			Duration d = raw.toUpperCase(Locale.ROOT).startsWith("P")
					? Duration.parse(raw)
					: Duration.parse("PT" + raw.toUpperCase(Locale.ROOT));
			if (!d.isNegative() && !d.isZero()) {
				return d;
			}
		} catch (DateTimeParseException e) {
			// fall through to the one-line error below
		}
		throw new SettingException(key, "a duration above 0 such as 30s, 5m or PT4H", raw);
	}
}
