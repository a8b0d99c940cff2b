package org.cwh.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.cwh.config.BackendServicesClient;
import org.cwh.security.Caller.Role;

/**
 * A client registered in the test server's real registry with its own RSA key, which gets real access tokens from the
 * real token endpoint ({@code private_key_jwt}). Tokens are renewed shortly before they expire, so a client lives as
 * long as the test run. Create one with {@link CwhServerExtension#client}; use it with
 * {@link CwhServerExtension#fhirAs(TestClient)} or {@link #authorization()} for raw HTTP.
 *
 * @param clientId unique per client
 * @param organizationId the Organization it acts for
 * @param roles its roles
 * @param scopes the scopes registered (and requested)
 * @param key its private key; the registry holds only the public half
 */
public record TestClient(String clientId, String organizationId, Set<Role> roles, List<String> scopes, RSAKey key,
		BackendServicesClient tokens) {

	static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS384)
					.generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The JWKS to register: the public half of {@link #key()}. */
	public String publicJwks() {
		return new JWKSet(key.toPublicJWK()).toString();
	}

	/** {@code Bearer <token>}, a fresh token when the last one is about to expire. */
	public String authorization() {
		try {
			return tokens.authorization();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Only the token, e.g. to take it apart in a test. */
	public String accessToken() {
		return authorization().substring("Bearer ".length());
	}
}
