package org.cwh.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cwh.security.Caller.Role;

/**
 * The access tokens of the built-in authorization server: JWTs signed with {@link ServerKeys}, carrying
 * {@code client_id}, {@code organization} (the Organization's logical id), {@code roles}, {@code scope}, {@code iss},
 * {@code aud} (the FHIR base URL), {@code exp}, {@code iat} and {@code jti}. Verification accepts exactly the server's
 * algorithm and key: {@code alg: none}, HMAC (including the public key used as an HMAC secret), another key, expiry,
 * a token not yet valid, another audience or issuer are all refused.
 */
final class AccessTokens {

	static final String CLIENT_ID = "client_id";
	static final String ORGANIZATION = "organization";
	static final String ROLES = "roles";
	static final String SCOPE = "scope";
	private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
	private static final Set<String> REQUIRED = Set.of("iss", "aud", "exp", "iat", "jti", CLIENT_ID, ORGANIZATION,
			ROLES, SCOPE);

	private final ServerKeys keys;
	private final Clock clock;
	private final Duration lifetime;
	private final ImmutableJWKSet<SecurityContext> publicKeys;
	/**
	 * Tokens whose signature this node has checked, with their claims. A signature belongs to the token's exact
	 * string, so a client that sends its token with every request for five minutes pays the signature check and the
	 * parse once (they were a third of what a read by id cost); everything that depends on the time or on the request
	 * is checked on every call. Kept a little longer than a token lives, then useless anyway.
	 */
	private final Cache<String, JWTClaimsSet> signed;

	AccessTokens(ServerKeys keys, Clock clock, Duration lifetime) {
		this.keys = keys;
		this.clock = clock;
		this.lifetime = lifetime;
		this.publicKeys = new ImmutableJWKSet<>(keys.publicKeys());
		this.signed = Caffeine.newBuilder().maximumSize(2_000)
				.expireAfterWrite(lifetime.plusSeconds(ClockedClaimsVerifier.CLOCK_SKEW_SECONDS)).build();
	}

	/** A signed token and how many seconds it lives. */
	record Issued(String token, long expiresIn) {}

	Issued issue(RegisteredClient client, Set<String> scopes, String issuer, String audience) {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.issuer(issuer)
				.subject(client.clientId())
				.audience(audience)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(lifetime)))
				.jwtID(UUID.randomUUID().toString())
				.claim(CLIENT_ID, client.clientId())
				.claim(ORGANIZATION, client.organizationId())
				.claim(ROLES, client.roles().stream().map(Role::code).sorted().toList())
				.claim(SCOPE, String.join(" ", scopes))
				.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.keyId()).type(TYPE).build(),
				claims);
		try {
			jwt.sign(keys.signer());
		} catch (JOSEException e) {
			throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
		}
		return new Issued(jwt.serialize(), lifetime.toSeconds());
	}

	/**
	 * The caller a token of ours names, or why it is refused. The signature is checked once per token string
	 * ({@link #signed}); the claims (expiry, not-before, issuer and audience of this request) on every call.
	 */
	Caller verify(String token, String issuer, String audience) throws TokenException {
		JWTClaimsSet claims = signed.getIfPresent(token);
		if (claims == null) {
			claims = signedClaims(token);
			signed.put(token, claims);
		}
		try {
			new ClockedClaimsVerifier(clock, audience, new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED)
					.verify(claims, null);
		} catch (BadJWTException e) {
			throw new TokenException("invalid_token", reason(e));
		}
		return caller(claims);
	}

	/** The claims of a token whose type, algorithm, key and signature are this server's; nothing else checked. */
	private JWTClaimsSet signedClaims(String token) throws TokenException {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithm(), publicKeys));
		processor.setJWTClaimsSetVerifier((claims, context) -> { });
		try {
			return processor.process(token, null);
		} catch (ParseException | BadJOSEException | JOSEException e) {
			throw new TokenException("invalid_token", "the token is not a valid access token of this server: "
					+ e.getMessage());
		}
	}

	static String reason(BadJWTException e) {
		String message = e.getMessage();
		if (message.startsWith("Expired JWT")) {
			return "the token has expired; get a new one from the token endpoint";
		}
		if (message.startsWith("JWT before use time")) {
			return "the token is not valid yet";
		}
		return "the token is refused: " + message;
	}

	/** Space-separated scopes as a set; blank gives none. */
	static Set<String> scopes(String spaceSeparated) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String s : spaceSeparated.trim().split("\\s+")) {
			if (!s.isEmpty()) {
				scopes.add(s);
			}
		}
		return scopes;
	}

	private static Caller caller(JWTClaimsSet claims) throws TokenException {
		try {
			String clientId = claims.getStringClaim(CLIENT_ID);
			String organization = claims.getStringClaim(ORGANIZATION);
			List<String> roleCodes = claims.getStringListClaim(ROLES);
			String scope = claims.getStringClaim(SCOPE);
			Set<Role> roles = new LinkedHashSet<>();
			for (String code : roleCodes) {
				roles.add(Role.fromCode(code));
			}
			return new Caller(clientId, organization, roles, scopes(scope));
		} catch (ParseException | IllegalArgumentException | NullPointerException e) {
			throw new TokenException("invalid_token", "the token's claims are malformed: " + e.getMessage());
		}
	}
}
