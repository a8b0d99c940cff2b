package org.cwh.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The external authorization server the shared test server trusts ({@code cwh.auth.external-issuer}): a key made for
 * this test run, its public half in a JWKS file the server reads at start, and a way to sign tokens as that issuer,
 * as Keycloak would (roles under {@code realm_access.roles}). Nothing is registered on the server for it.
 */
public final class TestExternalIssuer {

	public static final String ISSUER = "https://idp.example.org/realms/cwh-test";
	public static final String ROLES_CLAIM = "realm_access.roles";
	private static final RSAKey KEY = newKey("test-idp-1");
	private static final Path JWKS = writeJwks();

	private TestExternalIssuer() {}

	static Map<String, String> settings() {
		return Map.of("cwh.auth.external-issuer", ISSUER, "cwh.auth.external-jwks", JWKS.toString(),
				"cwh.auth.external-roles-claim", ROLES_CLAIM);
	}

	/** The issuer's signing key; tests sign with another key to see the signature refused. */
	public static RSAKey key() {
		return KEY;
	}

	public static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** These claims signed RS256 with {@code key}, typed {@code JWT} as Keycloak does. */
	public static String sign(JWTClaimsSet claims, RSAKey key) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
				.type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

	private static Path writeJwks() {
		try {
			Path file = Files.createTempFile("cwh-test-idp-", ".jwks.json");
			file.toFile().deleteOnExit();
			Files.writeString(file, new JWKSet(KEY.toPublicJWK()).toString());
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
