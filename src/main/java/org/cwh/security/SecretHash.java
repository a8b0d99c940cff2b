package org.cwh.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets as PBKDF2-HMAC-SHA256 hashes (the JDK's {@code javax.crypto}), stored as
 * {@code pbkdf2-sha256$iterations$salt$hash}, so a stolen client table yields no usable secret. The iteration count
 * travels with each hash, so raising it later leaves stored hashes checkable.
 */
final class SecretHash {

	private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
	private static final String PREFIX = "pbkdf2-sha256";
	/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
	static final int ITERATIONS = 600_000;
	private static final int SALT_BYTES = 16;
	private static final int HASH_BITS = 256;
	/** Shorter secrets are guessable whatever the hash. */
	static final int SHORTEST_SECRET = 16;
	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretHash() {}

	static String of(String secret) {
		if (secret.length() < SHORTEST_SECRET) {
			throw new IllegalArgumentException("a client secret has at least " + SHORTEST_SECRET + " characters");
		}
		byte[] salt = new byte[SALT_BYTES];
		RANDOM.nextBytes(salt);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
				+ b64.encodeToString(derive(secret, salt, ITERATIONS));
	}

	static boolean matches(String secret, String stored) {
		String[] parts = stored.split("\\$");
		if (parts.length != 4 || !PREFIX.equals(parts[0])) {
			return false;
		}
		byte[] salt = Base64.getDecoder().decode(parts[2]);
		byte[] expected = Base64.getDecoder().decode(parts[3]);
		return MessageDigest.isEqual(expected, derive(secret, salt, Integer.parseInt(parts[1])));
	}

	private static byte[] derive(String secret, byte[] salt, int iterations) {
		PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
		try {
			return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
		} finally {
			spec.clearPassword();
		}
	}
}
