package org.cwh.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Fresh keys for tests that sign tokens and assertions the server must refuse or accept. */
final class TestClientKeys {

	private TestClientKeys() {}

	static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS384)
					.generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
