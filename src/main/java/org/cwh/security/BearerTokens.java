package org.cwh.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;

/**
 * Turns a bearer token into its {@link Caller}. A token whose {@code iss} is the configured external issuer is
 * verified by {@link ExternalTokens}; any other by {@link AccessTokens} as one of this server's own, whose client must
 * still be registered and active (read from the database on every request, so a deactivation refuses the very next
 * request on every node). An external token naming a client registered here and deactivated is refused too.
 */
final class BearerTokens {

	private final AccessTokens own;
	private final ExternalTokens external;
	private final ClientRegistry registry;
	private final Urls urls;

	/** @param external null without an external issuer */
	BearerTokens(AccessTokens own, ExternalTokens external, ClientRegistry registry, Urls urls) {
		this.own = own;
		this.external = external;
		this.registry = registry;
		this.urls = urls;
	}

	Caller verify(String token, HttpServletRequest request) throws TokenException {
		if (external != null && external.issuer().equals(unverifiedIssuer(token))) {
			Caller caller = external.verify(token, urls.fhirBase(request));
			if (registry.isDeactivated(caller.clientId())) {
				throw new TokenException("invalid_token", "client '" + caller.clientId() + "' is deactivated");
			}
			return caller;
		}
		Caller caller = own.verify(token, urls.issuer(request), urls.fhirBase(request));
		if (!registry.isActive(caller.clientId())) {
			throw new TokenException("invalid_token", "client '" + caller.clientId()
					+ "' is deactivated or no longer registered");
		}
		return caller;
	}

	/** Only to choose the verifier; what the claim says is trusted after the chosen one checked the signature. */
	private static String unverifiedIssuer(String token) {
		try {
			return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		} catch (ParseException e) {
			return null;
		}
	}
}
