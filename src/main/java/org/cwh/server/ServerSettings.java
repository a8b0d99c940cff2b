package org.cwh.server;

import java.net.URI;
import java.util.List;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;
import org.cwh.config.SharedSettings;

/**
 * How this node listens and what it does at start. Keys {@code cwh.port}, {@code cwh.public-url}, {@code cwh.demo}.
 *
 * @param port TCP port; 0 binds a free one (tests)
 * @param publicUrl the FHIR base URL clients use when the node sits behind a proxy; empty = taken from each request
 * @param demo load the bundled demo patients at start (once; later starts find them and skip)
 */
public record ServerSettings(int port, String publicUrl, boolean demo) {

	public static final SettingKey PORT = new SettingKey("cwh.port", "8080", "HTTP port (0 = any free port)");
	public static final SettingKey PUBLIC_URL = SharedSettings.PUBLIC_URL;
	public static final SettingKey DEMO = SharedSettings.DEMO;

	public static final List<SettingKey> KEYS = List.of(PORT, PUBLIC_URL, DEMO);

	public static ServerSettings from(SettingsSource source) {
		String publicUrl = source.string(PUBLIC_URL);
		if (!publicUrl.isEmpty()) {
			try {
				URI uri = URI.create(publicUrl);
				if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
					throw new SettingException(PUBLIC_URL, "an http(s) URL", publicUrl);
				}
			} catch (IllegalArgumentException e) {
				throw new SettingException(PUBLIC_URL, "an http(s) URL", publicUrl);
			}
		}
		return new ServerSettings(source.integer(PORT, 0, 65535), publicUrl, source.bool(DEMO));
	}
}
