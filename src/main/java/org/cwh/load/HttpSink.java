package org.cwh.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.UrlUtil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cwh.config.BackendServicesClient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;

/** Posts bundles to a FHIR server's base URL with {@code java.net.http}; used by {@code cwh load}. */
final class HttpSink implements BundleSink {

	private static final String FHIR_JSON = "application/fhir+json";

	private final String base;
	private final FhirContext fhir;
	private final HttpClient http;
	private final BackendServicesClient auth;

	/** @param auth how to get a bearer token, or null for a server without authentication */
	HttpSink(String baseUrl, FhirContext fhir, BackendServicesClient auth) {
		this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.fhir = fhir;
		this.auth = auth;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	/**
	 * Throws {@link IOException} with a one-line reason when the server cannot be reached or refuses this client.
	 */
	void checkReachable() throws IOException {
		HttpResponse<String> response = get(base + "/metadata?_summary=true");
		if (response.statusCode() != 200) {
			throw new IOException(base + "/metadata answered " + response.statusCode());
		}
		HttpResponse<String> probe = get(base + "/Patient?_summary=count&_count=0");
		if (probe.statusCode() == 401) {
			throw new IOException(base + " needs a bearer token: give --client-id with --client-key or --client-secret");
		}
	}

	@Override
	public boolean hasPatient(Identifier identifier) {
		String url = base + "/Patient?_summary=count&identifier="
				+ UrlUtil.escapeUrlParam(identifier.getSystem() + "|" + identifier.getValue());
		try {
			HttpResponse<String> response = get(url);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Patient search answered " + response.statusCode());
			}
			return parser().parseResource(Bundle.class, response.body()).getTotal() > 0;
		} catch (IOException e) {
			throw new IllegalStateException("Patient search failed: " + e.getMessage(), e);
		}
	}

	@Override
	public Sent send(Bundle bundle) {
		HttpRequest.Builder builder;
		try {
			builder = authorized(HttpRequest.newBuilder(URI.create(base)));
		} catch (IOException e) {
			return Sent.failed("no access token: " + e.getMessage());
		}
		HttpRequest request = builder
				.timeout(Duration.ofMinutes(10))
				.header("Content-Type", FHIR_JSON)
				.header("Accept", FHIR_JSON)
				.header("Prefer", "return=minimal")
				.POST(HttpRequest.BodyPublishers.ofString(parser().encodeResourceToString(bundle)))
				.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			return Sent.failed("cannot reach " + base + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Sent.failed("interrupted");
		}
		IBaseResource body = parse(response.body());
		if (response.statusCode() / 100 == 2 && body instanceof Bundle answer) {
			return Sent.fromResponse(answer);
		}
		return Sent.failed("HTTP " + response.statusCode() + " " + Sent.diagnostics(body));
	}

	private IBaseResource parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return parser().parseResource(body);
		} catch (DataFormatException e) {
			return null;
		}
	}

	private HttpResponse<String> get(String url) throws IOException {
		HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofMinutes(1))
				.header("Accept", FHIR_JSON).GET().build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request) throws IOException {
		return auth == null ? request : request.header("Authorization", auth.authorization());
	}

	private IParser parser() {
		return fhir.newJsonParser();
	}
}
