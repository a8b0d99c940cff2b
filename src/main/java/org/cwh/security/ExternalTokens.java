package org.cwh.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.config.SettingException;
import org.cwh.security.Caller.Role;
import org.cwh.security.SecuritySettings.ExternalIssuerSettings;

/**
 * Access tokens of an external authorization server (Keycloak, Okta, Entra ID, ...), switched on by
 * {@code cwh.auth.external-issuer} and {@code cwh.auth.external-jwks}. A token is accepted when its {@code iss} is that
 * issuer exactly, its signature verifies against that issuer's JWKS (a file read at start, or an http(s) URL fetched
 * and cached by nimbus' {@link JWKSourceBuilder}, refreshed when an unknown {@code kid} appears) with an asymmetric
 * algorithm (RSA, RSA-PSS or EC: {@code none} and HMAC are refused), it is not expired, and its {@code aud} names this
 * server ({@code cwh.auth.external-audience}, by default the FHIR base URL, as for our own tokens).
 *
 * <p>The caller: the client id from {@code client_id}, {@code azp} or {@code sub}; the Organization from the
 * configured claim ({@code x} or {@code Organization/x}); the roles from the configured claim (an array or a
 * space-separated string; a dotted name such as {@code realm_access.roles} reaches into an object; names that are not
 * CWH roles are ignored, and at least one must be); the scopes from {@code scope} (space-separated) or {@code scp}.
 */
final class ExternalTokens {

	/** What identity providers sign access tokens with; never HMAC, never none. */
	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
			JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
			JWSAlgorithm.ES512);

	private final ExternalIssuerSettings settings;
	private final JWKSource<SecurityContext> keys;
	private final Clock clock;

	ExternalTokens(ExternalIssuerSettings settings, Clock clock) {
		this(settings, keySource(settings.jwks()), clock);
	}

	ExternalTokens(ExternalIssuerSettings settings, JWKSource<SecurityContext> keys, Clock clock) {
		this.settings = settings;
		this.keys = keys;
		this.clock = clock;
	}

	String issuer() {
		return settings.issuer();
	}

	/** A file's keys, read once (a bad file stops the start); a URL's keys, fetched when first needed and cached. */
	static JWKSource<SecurityContext> keySource(String jwks) {
		if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
			URL url;
			try {
				url = URI.create(jwks).toURL();
			} catch (IllegalArgumentException | IOException e) {
				throw new SettingException(SecuritySettings.EXTERNAL_JWKS, "an http(s) URL", jwks);
			}
			return JWKSourceBuilder.create(url).retrying(true).build();
		}
		try {
			JWKSet set = JWKSet.load(new File(jwks));
			if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
				throw new SettingException(SecuritySettings.EXTERNAL_JWKS, "a JWKS file of public keys", jwks);
			}
			return new ImmutableJWKSet<>(set);
		} catch (IOException | ParseException e) {
			throw new SettingException(SecuritySettings.EXTERNAL_JWKS, "a JWKS file (" + e.getMessage() + ")", jwks);
		}
	}

	/** The caller an external token names, or why it is refused. */
	Caller verify(String token, String defaultAudience) throws TokenException {
		String audience = settings.audience().isEmpty() ? defaultAudience : settings.audience();
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
				new JOSEObjectType("at+jwt"), null));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
		processor.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(clock, audience,
				new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("iss", "aud", "exp")));
		JWTClaimsSet claims;
		try {
			claims = processor.process(token, null);
		} catch (BadJWTException e) {
			throw new TokenException("invalid_token", AccessTokens.reason(e));
		} catch (ParseException | BadJOSEException | JOSEException e) {
			throw new TokenException("invalid_token", "the token of " + settings.issuer() + " is refused: "
					+ e.getMessage());
		}
		return caller(claims);
	}

	private Caller caller(JWTClaimsSet claims) throws TokenException {
		String clientId = firstString(claims, "client_id", "azp", "sub");
		if (clientId == null) {
			throw new TokenException("invalid_token", "the token names no client (client_id, azp or sub)");
		}
		Object organization = claim(claims, settings.organizationClaim());
		if (!(organization instanceof String org) || org.isBlank()) {
			throw new TokenException("invalid_token", "the token has no Organization in its claim '"
					+ settings.organizationClaim() + "'");
		}
		Set<Role> roles = new LinkedHashSet<>();
		for (String name : words(claim(claims, settings.rolesClaim()))) {
			for (Role role : Role.values()) {
				if (role.code().equals(name)) {
					roles.add(role);
				}
			}
		}
		if (roles.isEmpty()) {
			throw new TokenException("invalid_token", "the token's claim '" + settings.rolesClaim()
					+ "' holds none of the roles referrer, provider, agency, admin");
		}
		Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
		return new Caller(clientId, org.startsWith("Organization/") ? org.substring("Organization/".length()) : org,
				roles, new LinkedHashSet<>(words(scope)));
	}

	/** A claim by name; a dotted name walks into JSON objects ({@code realm_access.roles}). */
	static Object claim(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		if (value != null || !name.contains(".")) {
			return value;
		}
		String[] path = name.split("\\.");
		value = claims.getClaim(path[0]);
		for (int i = 1; i < path.length && value != null; i++) {
			value = value instanceof Map<?, ?> map ? map.get(path[i]) : null;
		}
		return value;
	}

	private static List<String> words(Object value) {
		List<String> words = new ArrayList<>();
		if (value instanceof String s) {
			words.addAll(AccessTokens.scopes(s));
		} else if (value instanceof Collection<?> items) {
			for (Object item : items) {
				if (item instanceof String s) {
					words.add(s);
				}
			}
		}
		return words;
	}

	private static String firstString(JWTClaimsSet claims, String... names) {
		for (String name : names) {
			if (claims.getClaim(name) instanceof String s && !s.isBlank()) {
				return s;
			}
		}
		return null;
	}
}
