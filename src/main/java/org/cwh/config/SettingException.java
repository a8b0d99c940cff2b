package org.cwh.config;

/**
 * A setting has a value the server cannot use. Its message is one line that names the setting and says what is
 * expected, so {@code main} can print it and stop without a stack trace.
 */
public final class SettingException extends RuntimeException {

	public SettingException(SettingKey key, String expected, String actual) {
		super(key.displayName() + " must be " + expected + ", was '" + actual + "'");
	}

	public SettingException(String message) {
		super(message);
	}
}
