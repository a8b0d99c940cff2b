package org.cwh.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
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
import java.util.Set;

/**
 * Checks a SMART Backend Services client assertion ({@code private_key_jwt}): a JWT signed RS384 or ES384 with a key
 * of the client's registered JWKS, {@code iss} = {@code sub} = the client id, {@code aud} = this token endpoint's URL,
 * {@code exp} at most five minutes ahead, and a {@code jti} never used before by that client on any node.
 */
final class ClientAssertions {

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
	/** SMART Backend Services: "no more than five minutes in the future". */
	static final Duration LONGEST_LIFETIME = Duration.ofMinutes(5);
	private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "jti");

	private final ClientRegistry registry;
	private final JtiLedger ledger;
	private final Clock clock;

	ClientAssertions(ClientRegistry registry, JtiLedger ledger, Clock clock) {
		this.registry = registry;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The registered, active client that signed the assertion, or an {@code invalid_client} refusal. */
	RegisteredClient verify(String assertion, String tokenUrl) throws TokenException {
		SignedJWT jwt;
		JWTClaimsSet unverified;
		try {
			jwt = SignedJWT.parse(assertion);
			unverified = jwt.getJWTClaimsSet();
		} catch (ParseException e) {
			throw invalid("client_assertion is not a signed JWT: " + e.getMessage());
		}
		if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
			throw invalid("client_assertion must be signed RS384 or ES384, was " + jwt.getHeader().getAlgorithm());
		}
		String clientId = unverified.getIssuer();
		if (clientId == null || !clientId.equals(unverified.getSubject())) {
			throw invalid("client_assertion needs iss and sub, both the client id");
		}
		RegisteredClient client = registry.find(clientId)
				.orElseThrow(() -> invalid("client '" + clientId + "' is not registered"));
		if (!client.active()) {
			throw invalid("client '" + clientId + "' is deactivated");
		}
		if (client.jwks() == null) {
			throw invalid("client '" + clientId + "' is registered with a secret, not a JWKS");
		}
		JWTClaimsSet claims = verified(jwt, client, tokenUrl);
		Instant now = clock.instant();
		Instant exp = claims.getExpirationTime().toInstant();
		Duration skew = Duration.ofSeconds(ClockedClaimsVerifier.CLOCK_SKEW_SECONDS);
		if (exp.isAfter(now.plus(LONGEST_LIFETIME).plus(skew))) {
			throw invalid("client_assertion exp is more than 5 minutes ahead");
		}
		if (!ledger.firstUse(clientId, claims.getJWTID(), exp.plus(skew))) {
			throw invalid("client_assertion jti was used before; every assertion needs a new one");
		}
		return client;
	}

	private JWTClaimsSet verified(SignedJWT jwt, RegisteredClient client, String tokenUrl) throws TokenException {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		// Client assertions carry typ JWT or none; the token-type check is for access tokens only.
		processor.setJWSTypeVerifier((type, context) -> {});
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(client.publicKeys())));
		processor.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(clock, tokenUrl, null, REQUIRED));
		try {
			return processor.process(jwt, null);
		} catch (BadJWTException e) {
			throw invalid(claimsProblem(e.getMessage(), tokenUrl));
		} catch (BadJOSEException | JOSEException e) {
			throw invalid("client_assertion signature does not verify with the client's registered keys: "
					+ e.getMessage());
		}
	}

	private static String claimsProblem(String message, String tokenUrl) {
		if (message.startsWith("Expired JWT")) {
			return "client_assertion has expired";
		}
		if (message.startsWith("JWT before use time")) {
			return "client_assertion is not valid yet (nbf)";
		}
		if (message.startsWith("JWT audience rejected") || message.contains("audience")) {
			return "client_assertion aud must be this token endpoint, " + tokenUrl;
		}
		return "client_assertion refused: " + message;
	}

	private static TokenException invalid(String message) {
		return new TokenException("invalid_client", message);
	}
}
