package org.cwh.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The client side of SMART Backend Services, for the commands that talk HTTP to a node ({@code load --url},
 * {@code bench}) and for tests: finds the token endpoint in {@code <base>/.well-known/smart-configuration},
 * authenticates with a private key ({@code private_key_jwt}, RS384 or ES384 assertion) or a client secret
 * ({@code client_secret_basic}), and hands out {@code Authorization} header values, fetching a new token shortly
 * before the old one expires. Thread-safe.
 */
public final class BackendServicesClient {

	/** The command-line options that name a client, shared by the commands that call a server ({@link #fromOptions}). */
	public static final String CLIENT_ID = "--client-id";
	public static final String CLIENT_KEY = "--client-key";
	public static final String CLIENT_SECRET = "--client-secret";

	private static final ObjectMapper JSON = new ObjectMapper();
	/** Fetch a new token when the current one has less than this left. */
	private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

	private final String fhirBase;
	private final String clientId;
	private final String scope;
	private final JWK key;
	private final String secret;
	private final Clock clock;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private String tokenUrl;
	private String token;
	private Instant expires = Instant.EPOCH;

	private BackendServicesClient(String fhirBase, String clientId, String scope, JWK key, String secret, Clock clock) {
		this.fhirBase = fhirBase.endsWith("/") ? fhirBase.substring(0, fhirBase.length() - 1) : fhirBase;
		this.clientId = clientId;
		this.scope = scope;
		this.key = key;
		this.secret = secret;
		this.clock = clock;
	}

	/** Authenticates with a private JWK (RSA or EC P-384), signing each assertion anew. */
	public static BackendServicesClient withKey(String fhirBase, String clientId, String scope, JWK privateKey) {
		return withKey(fhirBase, clientId, scope, privateKey, Clock.systemUTC());
	}

	/** As {@link #withKey(String, String, String, JWK)}, dating assertions and token expiry by this clock. */
	public static BackendServicesClient withKey(String fhirBase, String clientId, String scope, JWK privateKey,
			Clock clock) {
		if (!privateKey.isPrivate()) {
			throw new IllegalArgumentException("the client key must be a private JWK");
		}
		return new BackendServicesClient(fhirBase, clientId, scope, privateKey, null, clock);
	}

	/**
	 * The client {@code --client-id} with {@code --client-key} (a private JWK file) or {@code --client-secret} names,
	 * asking for {@code scope}; null without {@code --client-id}, for a server with authentication off.
	 *
	 * @throws IllegalArgumentException when the options do not name exactly one way to authenticate
	 */
	public static BackendServicesClient fromOptions(String fhirBase, String scope, java.util.Map<String, String> options,
			Clock clock) {
		String clientId = options.get(CLIENT_ID);
		String key = options.get(CLIENT_KEY);
		String secret = options.get(CLIENT_SECRET);
		if (clientId == null) {
			if (key != null || secret != null) {
				throw new IllegalArgumentException(CLIENT_KEY + " and " + CLIENT_SECRET + " need " + CLIENT_ID);
			}
			return null;
		}
		if ((key == null) == (secret == null)) {
			throw new IllegalArgumentException(CLIENT_ID + " needs either " + CLIENT_KEY + " or " + CLIENT_SECRET);
		}
		if (key == null) {
			// client_secret_basic: the server must allow secrets.
			return new BackendServicesClient(fhirBase, clientId, scope, null, secret, clock);
		}
		try {
			return withKey(fhirBase, clientId, scope, JWK.parse(Files.readString(Path.of(key))), clock);
		} catch (IOException | ParseException e) {
			throw new IllegalArgumentException("cannot read a private JWK from " + key + ": " + e.getMessage(), e);
		}
	}

	public String clientId() {
		return clientId;
	}

	/** {@code Bearer <token>}, fetching a token first when there is none or it is about to expire. */
	public synchronized String authorization() throws IOException {
		if (token == null || clock.instant().plus(RENEW_BEFORE).isAfter(expires)) {
			fetch();
		}
		return "Bearer " + token;
	}

	/** The token endpoint this client posts to, from the server's SMART configuration. */
	public synchronized String tokenUrl() throws IOException {
		if (tokenUrl == null) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(
					URI.create(fhirBase + "/.well-known/smart-configuration")).GET().build());
			if (response.statusCode() != 200) {
				throw new IOException(fhirBase + "/.well-known/smart-configuration answered " + response.statusCode());
			}
			JsonNode endpoint = JSON.readTree(response.body()).get("token_endpoint");
			if (endpoint == null || !endpoint.isTextual()) {
				throw new IOException("the SMART configuration names no token_endpoint");
			}
			tokenUrl = endpoint.asText();
		}
		return tokenUrl;
	}

	private void fetch() throws IOException {
		String url = tokenUrl();
		StringBuilder form = new StringBuilder("grant_type=client_credentials&scope=").append(encode(scope));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
		if (key != null) {
			form.append("&client_assertion_type=").append(encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
					.append("&client_assertion=").append(encode(assertion(url)));
		} else {
			String credentials = encode(clientId) + ":" + encode(secret);
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		Instant asked = clock.instant();
		HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
		JsonNode body = JSON.readTree(response.body());
		if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
			throw new IOException("the token endpoint refused client '" + clientId + "': HTTP " + response.statusCode()
					+ " " + body.path("error").asText("") + " " + body.path("error_description").asText(""));
		}
		token = body.get("access_token").asText();
		expires = asked.plusSeconds(body.path("expires_in").asLong(300));
	}

	private String assertion(String audience) throws IOException {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
				.jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(4)))).build();
		try {
			JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
			JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
			jwt.sign(signer);
			return jwt.serialize();
		} catch (JOSEException | ClassCastException e) {
			throw new IOException("cannot sign a client assertion with this key: " + e.getMessage(), e);
		}
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
