package org.cwh.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /auth/token}: the SMART Backend Services token endpoint. Takes {@code grant_type=client_credentials}
 * with a {@code scope} and either a client assertion ({@code private_key_jwt}, see {@link ClientAssertions}) or, when
 * {@code cwh.auth.client-secrets} is on, HTTP Basic with the client's secret ({@code client_secret_basic}). Grants the
 * requested scopes as far as the registration allows ({@link Scope#grant}); none left is {@code invalid_scope}.
 * Errors are RFC 6749 JSON: 401 with a {@code Basic} challenge when HTTP Basic failed, 400 for the rest.
 */
final class TokenServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(TokenServlet.class);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final transient ClientRegistry registry;
	private final transient ClientAssertions assertions;
	private final transient AccessTokens tokens;
	private final transient Urls urls;
	private final boolean clientSecrets;

	TokenServlet(ClientRegistry registry, ClientAssertions assertions, AccessTokens tokens, Urls urls,
			boolean clientSecrets) {
		this.registry = registry;
		this.assertions = assertions;
		this.tokens = tokens;
		this.urls = urls;
		this.clientSecrets = clientSecrets;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
			error(response, 400, "invalid_request", "send the request as application/x-www-form-urlencoded", false);
			return;
		}
		String grantType = request.getParameter("grant_type");
		if (grantType == null) {
			error(response, 400, "invalid_request", "grant_type is required (client_credentials)", false);
			return;
		}
		if (!"client_credentials".equals(grantType)) {
			error(response, 400, "unsupported_grant_type", "only grant_type=client_credentials is supported", false);
			return;
		}
		String authorization = request.getHeader("Authorization");
		boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
		RegisteredClient client;
		try {
			client = basic ? bySecret(authorization.substring(6).trim()) : byAssertion(request);
		} catch (TokenException e) {
			log.info("auth: token refused: {}", e.getMessage());
			// RFC 6749 5.2: 401 with a challenge when the client tried HTTP authentication, else 400.
			error(response, basic && "invalid_client".equals(e.error()) ? 401 : 400, e.error(), e.getMessage(), basic);
			return;
		}
		String scope = request.getParameter("scope");
		if (scope == null || scope.isBlank()) {
			error(response, 400, "invalid_scope", "scope is required, e.g. system/Patient.rs", false);
			return;
		}
		Set<String> granted;
		try {
			granted = Scope.grant(Scope.parseAll(scope), client.scopes().stream().map(Scope::parse).toList());
		} catch (IllegalArgumentException e) {
			error(response, 400, "invalid_scope", e.getMessage(), false);
			return;
		}
		if (granted.isEmpty()) {
			error(response, 400, "invalid_scope", "none of the requested scopes is registered for client '"
					+ client.clientId() + "'; it may have: " + String.join(" ", client.scopes()), false);
			return;
		}
		AccessTokens.Issued issued = tokens.issue(client, granted, urls.issuer(request), urls.fhirBase(request));
		log.info("auth: token issued to client {} of Organization/{}", client.clientId(), client.organizationId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.token());
		body.put("token_type", "bearer");
		body.put("expires_in", issued.expiresIn());
		body.put("scope", String.join(" ", granted));
		write(response, 200, body);
	}

	private RegisteredClient byAssertion(HttpServletRequest request) throws TokenException {
		String type = request.getParameter("client_assertion_type");
		String assertion = request.getParameter("client_assertion");
		if (type == null && assertion == null) {
			throw new TokenException("invalid_client", "no client authentication: send client_assertion_type="
					+ ClientAssertions.ASSERTION_TYPE + " and a client_assertion"
					+ (clientSecrets ? ", or HTTP Basic with the client secret" : ""));
		}
		if (!ClientAssertions.ASSERTION_TYPE.equals(type) || assertion == null) {
			throw new TokenException("invalid_request", "client_assertion_type must be "
					+ ClientAssertions.ASSERTION_TYPE + " with a client_assertion");
		}
		return assertions.verify(assertion, urls.tokenUrl(request));
	}

	private RegisteredClient bySecret(String credentials) throws TokenException {
		if (!clientSecrets) {
			throw new TokenException("invalid_client", "client secrets are off on this server ("
					+ SecuritySettings.CLIENT_SECRETS.displayName() + "); authenticate with a signed client_assertion");
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			throw new TokenException("invalid_client", "the Basic credentials are not base64");
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw new TokenException("invalid_client", "the Basic credentials are not client_id:secret");
		}
		// RFC 6749 2.3.1: both halves are form-urlencoded before they are joined.
		String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
		String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
		RegisteredClient client = registry.find(clientId).orElse(null);
		if (client == null || client.secretHash() == null || !SecretHash.matches(secret, client.secretHash())) {
			throw new TokenException("invalid_client", "unknown client or wrong secret");
		}
		if (!client.active()) {
			throw new TokenException("invalid_client", "client '" + clientId + "' is deactivated");
		}
		return client;
	}

	static void error(HttpServletResponse response, int status, String error, String description, boolean basic)
			throws IOException {
		if (basic && status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"cwh\"");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		write(response, status, body);
	}

	static void write(HttpServletResponse response, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType("application/json;charset=utf-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}
}
