package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;

/**
 * Swagger UI's Authorize button: the OpenAPI document at {@code /fhir/api-docs} (open, like Swagger UI's pages)
 * declares the bearer scheme for every operation, and with client secrets on the OAuth2 client-credentials flow
 * against the token endpoint; a request as Swagger UI then sends it, with the token, is served.
 */
@ExtendWith(CwhServerExtension.class)
class SwaggerAuthorizationIT {

	@Test
	void theOpenApiDocumentDeclaresTheBearerSchemeForEveryOperation() throws Exception {
		String yaml = RestAssured.given().baseUri(server().baseUrl()).get("/api-docs").then().statusCode(200)
				.extract().asString();
		// The document describes every R4 type: far past SnakeYAML's default 3 MB limit.
		org.yaml.snakeyaml.LoaderOptions limits = new org.yaml.snakeyaml.LoaderOptions();
		limits.setCodePointLimit(64 * 1024 * 1024);
		JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper(
				com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(limits).build()).readTree(yaml);
		JsonNode bearer = doc.path("components").path("securitySchemes").path(OpenApiSecurity.BEARER);
		assertEquals("http", bearer.path("type").asText(), yaml.substring(0, Math.min(yaml.length(), 2000)));
		assertEquals("bearer", bearer.path("scheme").asText());
		assertTrue(doc.path("security").toString().contains(OpenApiSecurity.BEARER));
		// The shared server runs with client secrets off: Swagger UI could not use a client-credentials flow.
		assertTrue(doc.path("components").path("securitySchemes").path(OpenApiSecurity.CLIENT_CREDENTIALS)
				.isMissingNode());
		assertTrue(doc.path("paths").has("/Patient/{id}"));

		RestAssured.given().baseUri(server().baseUrl()).header("Authorization",
				CwhServerExtension.adminAuthorization()).accept("application/fhir+json").get("/Patient?_count=1")
				.then().statusCode(200);
	}

	@Test
	void withClientSecretsOnTheClientCredentialsFlowPointsAtTheTokenEndpoint() {
		OpenAPI openApi = new OpenAPI();
		HttpServletRequest request = request("https://cwh.example.org/fhir/api-docs");
		new OpenApiSecurity(new Urls(""), true).contributeTo(openApi, request);
		var flow = openApi.getComponents().getSecuritySchemes().get(OpenApiSecurity.CLIENT_CREDENTIALS).getFlows()
				.getClientCredentials();
		assertEquals("https://cwh.example.org/auth/token", flow.getTokenUrl());
		assertTrue(flow.getScopes().containsKey("system/*.rs"));
		assertEquals(2, openApi.getSecurity().size(), "either scheme will do");

		OpenAPI withoutSecrets = new OpenAPI();
		new OpenApiSecurity(new Urls("https://proxy.example.org/fhir"), false).contributeTo(withoutSecrets, request);
		assertFalse(withoutSecrets.getComponents().getSecuritySchemes().containsKey(OpenApiSecurity.CLIENT_CREDENTIALS));
		assertTrue(withoutSecrets.getComponents().getSecuritySchemes().get(OpenApiSecurity.BEARER).getDescription()
				.contains("https://proxy.example.org/auth/token"));
	}

	/** A request for this URL, answering only what {@link Urls} asks. */
	private static HttpServletRequest request(String url) {
		return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
				new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
					case "getRequestURL" -> new StringBuffer(url);
					case "getContextPath" -> "";
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}
}
