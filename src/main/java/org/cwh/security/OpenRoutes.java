package org.cwh.security;

import java.util.Set;

/**
 * The requests under {@code /fhir} that need no token, because they disclose no data: the CapabilityStatement, the
 * SMART configuration that says how to get a token, and Swagger UI with the OpenAPI document HAPI derives from the
 * CapabilityStatement (so its Authorize button can be used). Pure: method and path within {@code /fhir} in, a verdict
 * out. Everything else under {@code /fhir} needs a bearer token.
 */
final class OpenRoutes {

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
	private static final Set<String> PATHS = Set.of("/metadata", "/.well-known/smart-configuration", "/api-docs",
			"/swagger-ui/");
	private static final String SWAGGER_ASSETS = "/swagger-ui/";

	private OpenRoutes() {}

	/**
	 * @param method the HTTP method
	 * @param path the decoded path after {@code /fhir}, e.g. {@code /metadata}
	 */
	static boolean isOpen(String method, String path) {
		if (!READ_METHODS.contains(method) || path == null) {
			return false;
		}
		if (PATHS.contains(path)) {
			return true;
		}
		// Swagger UI's static files (scripts, styles, the favicon), served by HAPI's OpenApiInterceptor from its jar.
		return path.startsWith(SWAGGER_ASSETS) && !path.contains("..") && path.indexOf('/', SWAGGER_ASSETS.length()) < 0;
	}
}
