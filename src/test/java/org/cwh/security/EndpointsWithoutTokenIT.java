package org.cwh.security;

import static org.cwh.testing.CwhServerExtension.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemInteractionComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint the server exposes, without a token: each resource type × interaction and each operation the
 * CapabilityStatement lists (type, instance and system level, GET and POST), the system interactions, and every
 * servlet route of the node. Only these answer:
 * <ul>
 * <li>{@code GET /fhir/metadata} and {@code GET /fhir/.well-known/smart-configuration}: how to talk to the server and
 * how to get a token; no data
 * <li>{@code /health/live}, {@code /health/ready}: for load balancers, which hold no token; they say only up or down
 * <li>{@code POST /auth/token} (it is how a token is obtained) and {@code GET /auth/jwks} (public keys)
 * <li>Swagger UI's static pages and {@code /fhir/api-docs}: HAPI's jar files and the CapabilityStatement (open
 * anyway) as OpenAPI; the Authorize button is on those pages, so they must load before there is a token
 * </ul>
 * Every other request under {@code /fhir} is 401 with {@code WWW-Authenticate: Bearer} and an OperationOutcome; the
 * admin API {@code /auth/clients} is 401 with the challenge and a JSON error, like the token endpoint.
 */
@ExtendWith(CwhServerExtension.class)
class EndpointsWithoutTokenIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final String ID = "endpoint-check";

	/**
	 * Every servlet route of a node; a new one fails this test until it is listed and checked below. {@code /} is
	 * Jetty's default servlet: everything outside the routes is 404.
	 */
	private static final Set<String> ROUTES = Set.of("/", "/fhir/*", "/fhir/.well-known/smart-configuration",
			"/auth/token", "/auth/jwks", "/auth/clients/*", "/health/*");

	@Test
	void onlyTheOpenEndpointsAnswerWithoutAToken() throws Exception {
		assertEquals(ROUTES, Set.copyOf(server().servletPaths()), "the node's routes");

		String base = server().baseUrl();
		String root = base.replaceFirst("/fhir$", "");
		open("GET", base + "/metadata", 200);
		open("HEAD", base + "/metadata", 200);
		open("GET", base + "/.well-known/smart-configuration", 200);
		open("GET", root + "/health/live", 200);
		open("GET", root + "/health/ready", 200);
		open("POST", root + "/auth/token", 400); // an OAuth error naming what is missing: the endpoint answers
		open("GET", root + "/auth/jwks", 200);
		open("GET", base + "/swagger-ui/", 200);
		open("GET", base + "/swagger-ui/swagger-ui.css", 200);
		open("GET", base + "/api-docs", 200);
		open("GET", root + "/", 404);
		open("GET", root + "/auth/anything", 404);
		open("GET", root + "/fhir-not/Patient", 404);

		for (String[] request : List.of(new String[] {"GET", ""}, new String[] {"POST", ""},
				new String[] {"GET", "/x"}, new String[] {"PATCH", "/x"}, new String[] {"POST", "/x/deactivate"},
				new String[] {"POST", "/x/activate"})) {
			HttpResponse<String> response = send(request[0], root + "/auth/clients" + request[1]);
			assertEquals(401, response.statusCode(), request[0] + " /auth/clients" + request[1]);
			assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
			assertTrue(response.body().contains("\"error\""), response.body());
		}

		List<String[]> refused = fhirEndpoints(capabilities(base));
		// Open paths with another method, the base itself, and routes HAPI serves beside the resources.
		refused.addAll(List.of(new String[] {"POST", "/metadata"}, new String[] {"DELETE", "/metadata"},
				new String[] {"GET", ""}, new String[] {"GET", "/"}, new String[] {"GET", "/metadata/../Patient"},
				new String[] {"GET", "/swagger-ui/../Patient"}, new String[] {"POST", "/swagger-ui/"},
				new String[] {"GET", "/?_getpages=x"}, new String[] {"GET", "/_history"},
				new String[] {"GET", "/swagger-ui/x/../../Patient"}));
		Set<String> failures = new LinkedHashSet<>();
		for (String[] request : refused) {
			HttpResponse<String> response = send(request[0], base + request[1]);
			boolean ok = response.statusCode() == 401
					&& response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
					&& response.body().contains("\"resourceType\": \"OperationOutcome\"");
			if (!ok) {
				failures.add(request[0] + " " + request[1] + " -> " + response.statusCode());
			}
		}
		assertTrue(failures.isEmpty(), failures.size() + " of " + refused.size() + " answered without a token: "
				+ failures);
		assertTrue(refused.size() > 1000, "every type × interaction was tried: " + refused.size());
	}

	/** Every FHIR request the CapabilityStatement promises, as method and path within {@code /fhir}. */
	private static List<String[]> fhirEndpoints(CapabilityStatement capabilities) {
		List<String[]> requests = new ArrayList<>();
		CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
		for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
			String type = "/" + resource.getType();
			for (ResourceInteractionComponent interaction : resource.getInteraction()) {
				switch (interaction.getCode()) {
					case READ -> requests.add(new String[] {"GET", type + "/" + ID});
					case VREAD -> requests.add(new String[] {"GET", type + "/" + ID + "/_history/1"});
					case UPDATE -> requests.add(new String[] {"PUT", type + "/" + ID});
					case PATCH -> requests.add(new String[] {"PATCH", type + "/" + ID});
					case DELETE -> requests.add(new String[] {"DELETE", type + "/" + ID});
					case HISTORYINSTANCE -> requests.add(new String[] {"GET", type + "/" + ID + "/_history"});
					case HISTORYTYPE -> requests.add(new String[] {"GET", type + "/_history"});
					case CREATE -> requests.add(new String[] {"POST", type});
					case SEARCHTYPE -> {
						requests.add(new String[] {"GET", type});
						requests.add(new String[] {"POST", type + "/_search"});
					}
					default -> throw new IllegalStateException("an interaction this test does not know: "
							+ interaction.getCode());
				}
			}
			for (CapabilityStatementRestResourceOperationComponent operation : resource.getOperation()) {
				for (String path : List.of(type + "/$" + operation.getName(),
						type + "/" + ID + "/$" + operation.getName())) {
					requests.add(new String[] {"GET", path});
					requests.add(new String[] {"POST", path});
				}
			}
		}
		for (SystemInteractionComponent interaction : rest.getInteraction()) {
			switch (interaction.getCode()) {
				case TRANSACTION, BATCH -> requests.add(new String[] {"POST", ""});
				case HISTORYSYSTEM -> requests.add(new String[] {"GET", "/_history"});
				case SEARCHSYSTEM -> requests.add(new String[] {"GET", "?_type=Patient"});
				default -> throw new IllegalStateException("a system interaction this test does not know: "
						+ interaction.getCode());
			}
		}
		for (CapabilityStatementRestResourceOperationComponent operation : rest.getOperation()) {
			requests.add(new String[] {"GET", "/$" + operation.getName()});
			requests.add(new String[] {"POST", "/$" + operation.getName()});
		}
		return requests;
	}

	private static CapabilityStatement capabilities(String base) throws IOException, InterruptedException {
		HttpResponse<String> metadata = send("GET", base + "/metadata");
		assertEquals(200, metadata.statusCode());
		CapabilityStatement capabilities = FhirContext.forR4Cached().newJsonParser()
				.parseResource(CapabilityStatement.class, metadata.body());
		assertTrue(capabilities.getRestFirstRep().getResource().size() > 100, "the statement lists every type");
		return capabilities;
	}

	private static void open(String method, String url, int status) throws IOException, InterruptedException {
		assertEquals(status, send(method, url).statusCode(), method + " " + url + " answers without a token");
	}

	private static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
		boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json")
				.method(method, body ? HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")
						: HttpRequest.BodyPublishers.noBody());
		if (body) {
			request.header("Content-Type", url.endsWith("/auth/token") ? "application/x-www-form-urlencoded"
					: "application/fhir+json");
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
