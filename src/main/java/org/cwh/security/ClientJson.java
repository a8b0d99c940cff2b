package org.cwh.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwh.security.Caller.Role;

/**
 * A client registration as JSON, for the admin API {@code /auth/clients} and the {@code client} command. In:
 * {@code client_id}, {@code organization} ({@code x} or {@code Organization/x}), {@code roles} and {@code scopes}
 * (arrays or space-separated strings), {@code jwks} (a JWK Set object or its JSON text) or {@code secret},
 * {@code active}; unknown fields are refused. Out: the same without the secret, with {@code auth_method} and
 * {@code created}. Pure: no I/O.
 */
final class ClientJson {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> FIELDS =
			Set.of("client_id", "organization", "roles", "scopes", "jwks", "secret", "active");

	private ClientJson() {}

	/** What the API and the command show of a client: never the secret or its hash. */
	static Map<String, Object> view(RegisteredClient client) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("client_id", client.clientId());
		view.put("organization", "Organization/" + client.organizationId());
		view.put("roles", client.roles().stream().map(Role::code).sorted().toList());
		view.put("scopes", client.scopes());
		view.put("auth_method", client.jwks() != null ? "private_key_jwt" : "client_secret_basic");
		if (client.jwks() != null) {
			try {
				view.put("jwks", JSON.readTree(client.jwks()));
			} catch (java.io.IOException e) {
				throw new IllegalStateException("stored jwks of " + client.clientId() + " is not JSON", e);
			}
		}
		view.put("active", client.active());
		view.put("created", client.created().toString());
		return view;
	}

	/** The client id a registration body names; refuses a body without one. */
	static String clientId(JsonNode body) {
		JsonNode id = object(body).get("client_id");
		if (id == null || !id.isTextual() || id.asText().isBlank()) {
			throw new IllegalArgumentException("client_id is required");
		}
		return id.asText();
	}

	/**
	 * A registration or a change from a JSON body; fields it lacks are null (a change leaves them as they are).
	 *
	 * @param allowClientId whether {@code client_id} may appear (a registration) or not (a change names it in the path)
	 */
	static ClientRegistry.Registration registration(JsonNode body, boolean allowClientId) {
		object(body);
		for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
			String name = names.next();
			if (!FIELDS.contains(name) || "client_id".equals(name) && !allowClientId) {
				throw new IllegalArgumentException("unknown field '" + name + "'; known: "
						+ (allowClientId ? "client_id, " : "") + "organization, roles, scopes, jwks, secret, active");
			}
		}
		String organization = text(body, "organization");
		if (organization != null && organization.startsWith("Organization/")) {
			organization = organization.substring("Organization/".length());
		}
		List<String> roleCodes = words(body, "roles");
		Set<Role> roles = null;
		if (roleCodes != null) {
			roles = new LinkedHashSet<>();
			for (String code : roleCodes) {
				roles.add(Role.fromCode(code));
			}
		}
		JsonNode jwks = body.get("jwks");
		String jwksText = null;
		if (jwks != null && !jwks.isNull()) {
			jwksText = jwks.isTextual() ? jwks.asText() : jwks.toString();
		}
		JsonNode active = body.get("active");
		if (active != null && !active.isBoolean()) {
			throw new IllegalArgumentException("active must be true or false");
		}
		return new ClientRegistry.Registration(organization, roles, words(body, "scopes"), jwksText,
				text(body, "secret"), active == null ? null : active.asBoolean());
	}

	static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
		} catch (java.io.IOException e) {
			throw new IllegalArgumentException("the body cannot be read: " + e.getMessage());
		}
	}

	static String write(Object value) {
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode object(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new IllegalArgumentException("the body must be a JSON object");
		}
		return body;
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new IllegalArgumentException(field + " must be a string");
		}
		return value.asText();
	}

	/** An array of strings or one space-separated string. */
	private static List<String> words(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		List<String> words = new ArrayList<>();
		if (value.isTextual()) {
			words.addAll(AccessTokens.scopes(value.asText()));
		} else if (value.isArray()) {
			for (JsonNode item : value) {
				if (!item.isTextual()) {
					throw new IllegalArgumentException(field + " must hold strings");
				}
				words.add(item.asText());
			}
		} else {
			throw new IllegalArgumentException(field + " must be an array of strings or a space-separated string");
		}
		return words;
	}
}
