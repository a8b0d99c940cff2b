package org.cwh.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.cwh.security.Caller.Role;

/**
 * A client registered with the built-in authorization server: how it proves who it is (a JWKS for
 * {@code private_key_jwt}, or a hashed secret for {@code client_secret_basic}), the Organization it acts for, its
 * roles and the scopes it may be granted. Kept in {@code cwh_auth_client}; see {@link ClientRegistry}.
 *
 * @param clientId chosen at registration: letters, digits, {@code . _ -}, at most 200
 * @param jwks the client's public keys as a JWKS JSON document, or null
 * @param secretHash {@link SecretHash} of the client's secret, or null
 * @param organizationId the logical id of an Organization stored in the server
 * @param roles at least one
 * @param scopes SMART scopes the client may be granted, e.g. {@code system/Task.cruds}
 * @param active an inactive client gets no tokens, and tokens issued to it are refused
 * @param created when it was registered
 */
public record RegisteredClient(String clientId, String jwks, String secretHash, String organizationId, Set<Role> roles,
		List<String> scopes, boolean active, Instant created) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
	private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	public RegisteredClient {
		if (clientId == null || !ID.matcher(clientId).matches()) {
			throw new IllegalArgumentException("client id must be 1 to 200 letters, digits, '.', '_' or '-', was '"
					+ clientId + "'");
		}
		if (organizationId == null || !ORGANIZATION_ID.matcher(organizationId).matches()) {
			throw new IllegalArgumentException("organization must be an Organization id, was '" + organizationId + "'");
		}
		roles = Set.copyOf(roles);
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("a client has at least one role: referrer, provider, agency, admin");
		}
		scopes = List.copyOf(scopes);
		for (String scope : scopes) {
			Scope.parse(scope);
		}
		if (jwks == null && secretHash == null) {
			throw new IllegalArgumentException("a client needs a JWKS (private_key_jwt) or a secret");
		}
		if (jwks != null) {
			publicKeys(jwks);
		}
		Objects.requireNonNull(created, "created");
	}

	/** The client's keys; refuses private keys, which a client must never hand over. */
	static JWKSet publicKeys(String jwks) {
		JWKSet set;
		try {
			set = JWKSet.parse(jwks);
		} catch (ParseException e) {
			throw new IllegalArgumentException("jwks is not a JWK Set: " + e.getMessage());
		}
		if (set.getKeys().isEmpty()) {
			throw new IllegalArgumentException("jwks holds no key");
		}
		if (set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
			throw new IllegalArgumentException("jwks holds a private key; register only the public keys");
		}
		return set;
	}

	JWKSet publicKeys() {
		return jwks == null ? null : publicKeys(jwks);
	}

	public RegisteredClient withActive(boolean value) {
		return new RegisteredClient(clientId, jwks, secretHash, organizationId, roles, scopes, value, created);
	}
}
