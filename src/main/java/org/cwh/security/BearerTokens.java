package org.cwh.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a bearer token into its {@link Caller}: a token of this server is verified by {@link AccessTokens} and its
 * client must still be registered and active (read from the database on every request, so a deactivation refuses the
 * very next request on every node).
 */
final class BearerTokens {

	private final AccessTokens own;
	private final ClientRegistry registry;
	private final Urls urls;

	BearerTokens(AccessTokens own, ClientRegistry registry, Urls urls) {
		this.own = own;
		this.registry = registry;
		this.urls = urls;
	}

	Caller verify(String token, HttpServletRequest request) throws TokenException {
		Caller caller = own.verify(token, urls.issuer(request), urls.fhirBase(request));
		if (!registry.isActive(caller.clientId())) {
			throw new TokenException("invalid_token", "client '" + caller.clientId()
					+ "' is deactivated or no longer registered");
		}
		return caller;
	}
}
