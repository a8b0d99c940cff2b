package org.cwh.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client needs to find before it has a token: {@code GET /fhir/.well-known/smart-configuration} (SMART App
 * Launch 2.x discovery, here for Backend Services: token endpoint, grant type, client authentication methods and
 * algorithms, scopes, capabilities) and {@code GET /auth/jwks} (the public keys access tokens are signed with, so a
 * resource server of its own can verify them). Both open; mounted by {@link SecurityConfig}.
 */
final class DiscoveryServlet extends HttpServlet {

	static final List<String> SCOPES_SUPPORTED = List.of("system/*.cruds", "system/*.rs", "system/*.read",
			"system/*.write", "system/*.*");

	private final transient Urls urls;
	private final transient ServerKeys keys;
	private final boolean clientSecrets;

	DiscoveryServlet(Urls urls, ServerKeys keys, boolean clientSecrets) {
		this.urls = urls;
		this.keys = keys;
		this.clientSecrets = clientSecrets;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().endsWith("/jwks")) {
			TokenServlet.write(response, 200, keys.publicKeys().toJSONObject(true));
			return;
		}
		TokenServlet.write(response, 200, smartConfiguration(request));
	}

	private Map<String, Object> smartConfiguration(HttpServletRequest request) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("issuer", urls.issuer(request));
		config.put("jwks_uri", urls.root(request) + "/auth/jwks");
		config.put("token_endpoint", urls.tokenUrl(request));
		config.put("grant_types_supported", List.of("client_credentials"));
		List<String> methods = new ArrayList<>(List.of("private_key_jwt"));
		List<String> capabilities =
				new ArrayList<>(List.of("client-confidential-asymmetric", "permission-v2", "permission-v1"));
		if (clientSecrets) {
			methods.add("client_secret_basic");
			capabilities.add("client-confidential-symmetric");
		}
		config.put("token_endpoint_auth_methods_supported", methods);
		config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		config.put("scopes_supported", SCOPES_SUPPORTED);
		config.put("response_types_supported", List.of("token"));
		config.put("capabilities", capabilities);
		return config;
	}
}
