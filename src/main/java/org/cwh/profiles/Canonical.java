package org.cwh.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical base of the CWH IG ({@code http://cwh.example.org/fhir}). It is written once, in
 * {@code ig/sushi-config.yaml}, which the build copies to {@code cwh-profiles/sushi-config.yaml} on the classpath; this
 * class reads it from there, so Java never spells the URL itself. Other packages may use it (STYLE.md §1).
 */
public final class Canonical {

	static final String CONFIG = "cwh-profiles/sushi-config.yaml";
	private static final String BASE = readBase();

	private Canonical() {}

	/** The canonical base, without a trailing slash. */
	public static String base() {
		return BASE;
	}

	/** The canonical URL of one of our StructureDefinitions, e.g. {@code profile("cwh-handoff-task")}. */
	public static String profile(String id) {
		return BASE + "/StructureDefinition/" + id;
	}

	/** Whether a canonical URL (possibly with a {@code |version}) belongs to the CWH IG. */
	public static boolean isOurs(String url) {
		return url != null && url.startsWith(BASE + "/");
	}

	private static String readBase() {
		try (InputStream in = Canonical.class.getClassLoader().getResourceAsStream(CONFIG)) {
			if (in == null) {
				throw new IllegalStateException("profiles: " + CONFIG + " is missing from the classpath (the build "
						+ "copies it from ig/sushi-config.yaml)");
			}
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return yaml.lines()
					.filter(line -> line.startsWith("canonical:"))
					.map(line -> line.substring("canonical:".length()).trim())
					.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("profiles: no 'canonical:' line in " + CONFIG));
		} catch (IOException e) {
			throw new UncheckedIOException("profiles: cannot read " + CONFIG, e);
		}
	}
}
