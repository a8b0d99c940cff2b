package org.cwh.security;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;
import org.cwh.config.SharedSettings;

/**
 * Authentication: bearer tokens on {@code /fhir}, the built-in SMART Backend Services token endpoint, and an optional
 * external issuer. Keys {@code cwh.auth*}.
 *
 * @param on every FHIR request needs a token; {@code CWH_AUTH=off} is the only way to turn that off
 * @param tokenLifetime how long an access token from {@code /auth/token} is valid
 * @param clientSecrets clients may authenticate with {@code client_secret_basic}; off unless set or {@code --demo}
 * @param signingKeyFile a JWK file with the server's private signing key; empty = generated once, kept in the database
 * @param external an external authorization server whose tokens are accepted too, or null
 */
public record SecuritySettings(boolean on, Duration tokenLifetime, boolean clientSecrets, String signingKeyFile,
		ExternalIssuerSettings external) {

	public static final SettingKey AUTH = new SettingKey("cwh.auth", "on",
			"on: every /fhir request needs a bearer token; off: no authentication (every response says so)");
	public static final SettingKey TOKEN_LIFETIME = new SettingKey("cwh.auth.token-lifetime", "5m",
			"lifetime of the access tokens /auth/token issues, e.g. 5m");
	public static final SettingKey CLIENT_SECRETS = new SettingKey("cwh.auth.client-secrets", "false",
			"let clients authenticate with a secret (client_secret_basic) instead of a signed JWT; --demo turns it on");
	public static final SettingKey SIGNING_KEY = new SettingKey("cwh.auth.signing-key", "",
			"JWK file with the private key tokens are signed with (empty: generated once, kept in the database)");
	public static final SettingKey EXTERNAL_ISSUER = new SettingKey("cwh.auth.external-issuer", "",
			"issuer (iss) of an external authorization server whose access tokens are accepted too");
	public static final SettingKey EXTERNAL_JWKS = new SettingKey("cwh.auth.external-jwks", "",
			"that issuer's public keys: a JWKS file path or an https URL");
	public static final SettingKey EXTERNAL_ORGANIZATION_CLAIM = new SettingKey(
			"cwh.auth.external-organization-claim", "organization",
			"claim of an external token that names the caller's Organization (id or Organization/id)");
	public static final SettingKey EXTERNAL_ROLES_CLAIM = new SettingKey("cwh.auth.external-roles-claim", "roles",
			"claim of an external token with the caller's roles (referrer, provider, agency, admin)");

	public static final SettingKey EXTERNAL_AUDIENCE = new SettingKey("cwh.auth.external-audience", "",
			"aud an external token must name (empty: the FHIR base URL, as for the server's own tokens)");

	public static final List<SettingKey> KEYS = List.of(AUTH, TOKEN_LIFETIME, CLIENT_SECRETS, SIGNING_KEY,
			EXTERNAL_ISSUER, EXTERNAL_JWKS, EXTERNAL_ORGANIZATION_CLAIM, EXTERNAL_ROLES_CLAIM, EXTERNAL_AUDIENCE);

	static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofHours(24);

	/**
	 * Where external tokens come from.
	 *
	 * @param issuer exact {@code iss}
	 * @param jwks a file path or an http(s) URL
	 * @param organizationClaim claim holding the Organization id
	 * @param rolesClaim claim holding the roles (array or space-separated string; dotted to reach into an object)
	 * @param audience the {@code aud} required, or empty for the FHIR base URL
	 */
	public record ExternalIssuerSettings(String issuer, String jwks, String organizationClaim, String rolesClaim,
			String audience) {}

	public SecuritySettings {
		if (tokenLifetime.compareTo(LONGEST_TOKEN_LIFETIME) > 0) {
			throw new SettingException(TOKEN_LIFETIME, "at most 24h", tokenLifetime.toString());
		}
	}

	public static SecuritySettings from(SettingsSource source) {
		String auth = source.string(AUTH);
		boolean on = switch (auth) {
			case "on" -> true;
			case "off" -> false;
			default -> throw new SettingException(AUTH, "on or off", auth);
		};
		Duration lifetime = source.duration(TOKEN_LIFETIME);
		if (lifetime.compareTo(LONGEST_TOKEN_LIFETIME) > 0) {
			throw new SettingException(TOKEN_LIFETIME, "at most 24h", source.string(TOKEN_LIFETIME));
		}
		boolean secrets = source.bool(CLIENT_SECRETS) || source.bool(SharedSettings.DEMO);
		String keyFile = source.string(SIGNING_KEY);
		if (!keyFile.isEmpty() && !Files.isReadable(Path.of(keyFile))) {
			throw new SettingException(SIGNING_KEY, "a readable JWK file", keyFile);
		}
		return new SecuritySettings(on, lifetime, secrets, keyFile, external(source));
	}

	private static ExternalIssuerSettings external(SettingsSource source) {
		String issuer = source.string(EXTERNAL_ISSUER);
		String jwks = source.string(EXTERNAL_JWKS);
		if (issuer.isEmpty() && jwks.isEmpty()) {
			return null;
		}
		if (issuer.isEmpty() || jwks.isEmpty()) {
			throw new SettingException(EXTERNAL_ISSUER.displayName() + " and " + EXTERNAL_JWKS.displayName()
					+ " are set together or not at all");
		}
		boolean url = jwks.startsWith("https://") || jwks.startsWith("http://");
		if (url) {
			try {
				URI.create(jwks).toURL();
			} catch (IllegalArgumentException | java.net.MalformedURLException e) {
				throw new SettingException(EXTERNAL_JWKS, "a JWKS file or an http(s) URL", jwks);
			}
		} else if (!Files.isReadable(Path.of(jwks))) {
			throw new SettingException(EXTERNAL_JWKS, "a readable JWKS file or an http(s) URL", jwks);
		}
		String organizationClaim = source.string(EXTERNAL_ORGANIZATION_CLAIM);
		String rolesClaim = source.string(EXTERNAL_ROLES_CLAIM);
		if (organizationClaim.isEmpty() || rolesClaim.isEmpty()) {
			throw new SettingException(EXTERNAL_ORGANIZATION_CLAIM.displayName() + " and "
					+ EXTERNAL_ROLES_CLAIM.displayName() + " must name a claim");
		}
		return new ExternalIssuerSettings(issuer, jwks, organizationClaim, rolesClaim,
				source.string(EXTERNAL_AUDIENCE));
	}
}
