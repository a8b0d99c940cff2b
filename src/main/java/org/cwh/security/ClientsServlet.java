package org.cwh.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwh.security.Caller.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API of the client registry, for callers with role {@code admin} (a bearer token, as on {@code /fhir}):
 * <ul>
 * <li>{@code GET /auth/clients}: every client; {@code GET /auth/clients/{id}}: one
 * <li>{@code POST /auth/clients}: register ({@link ClientJson}); 201 with {@code Location}
 * <li>{@code PATCH /auth/clients/{id}}: change the fields given
 * <li>{@code POST /auth/clients/{id}/deactivate} and {@code .../activate}: a deactivated client's next request is
 * refused, even with a token still valid
 * </ul>
 * Not FHIR: JSON in and out, errors as the token endpoint's ({@code error}, {@code error_description}): 401 with a
 * {@code Bearer} challenge without a valid token, 403 without role admin, 400 for a bad body, 404 for an unknown
 * client, 409 for a taken id. Mounted on {@code /auth/clients/*} by {@link SecurityConfig}.
 */
final class ClientsServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(ClientsServlet.class);
	static final String PATH = "/auth/clients";
	private static final Pattern ONE = Pattern.compile("/([^/]+)(/(activate|deactivate))?");

	private final transient ClientRegistry registry;
	private final transient BearerTokens tokens;

	ClientsServlet(ClientRegistry registry, BearerTokens tokens) {
		this.registry = registry;
		this.tokens = tokens;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Caller admin = admin(request, response);
		if (admin == null) {
			return;
		}
		String path = request.getPathInfo() == null || "/".equals(request.getPathInfo()) ? "" : request.getPathInfo();
		Matcher one = ONE.matcher(path);
		if (!path.isEmpty() && !one.matches()) {
			error(response, 404, "not_found", "no such route; see " + PATH + ", " + PATH + "/{id}, "
					+ PATH + "/{id}/deactivate and " + PATH + "/{id}/activate");
			return;
		}
		String method = request.getMethod();
		String clientId = path.isEmpty() ? null : one.group(1);
		String action = path.isEmpty() ? null : one.group(3);
		try {
			if (clientId == null && "GET".equals(method)) {
				TokenServlet.write(response, 200, registry.list().stream().map(ClientJson::view).toList());
			} else if (clientId == null && "POST".equals(method)) {
				register(request, response, admin);
			} else if (clientId != null && action == null && "GET".equals(method)) {
				found(response, clientId, registry.find(clientId), 200);
			} else if (clientId != null && action == null && "PATCH".equals(method)) {
				change(response, clientId, ClientJson.registration(ClientJson.parse(body(request)), false), admin);
			} else if (action != null && "POST".equals(method)) {
				boolean active = "activate".equals(action);
				change(response, clientId, new ClientRegistry.Registration(null, null, null, null, null, active),
						admin);
			} else {
				response.setHeader("Allow", clientId == null ? "GET, POST" : action == null ? "GET, PATCH" : "POST");
				error(response, 405, "invalid_request", method + " is not supported on " + PATH + path);
			}
		} catch (ClientRegistry.ClientExists e) {
			error(response, 409, "invalid_request", e.getMessage());
		} catch (IllegalArgumentException e) {
			error(response, 400, "invalid_request", e.getMessage());
		}
	}

	private void register(HttpServletRequest request, HttpServletResponse response, Caller admin) throws IOException {
		var body = ClientJson.parse(body(request));
		String clientId = ClientJson.clientId(body);
		RegisteredClient client = registry.register(clientId, ClientJson.registration(body, true));
		log.info("auth: client {} registered for Organization/{} by {}", client.clientId(), client.organizationId(),
				admin.clientId());
		response.setHeader("Location", request.getRequestURL() + "/" + client.clientId());
		TokenServlet.write(response, 201, ClientJson.view(client));
	}

	private void change(HttpServletResponse response, String clientId, ClientRegistry.Registration change,
			Caller admin) throws IOException {
		Optional<RegisteredClient> changed = registry.update(clientId, change);
		changed.ifPresent(c -> log.info("auth: client {} changed by {} (active: {})", c.clientId(), admin.clientId(),
				c.active()));
		found(response, clientId, changed, 200);
	}

	private static void found(HttpServletResponse response, String clientId, Optional<RegisteredClient> client,
			int status) throws IOException {
		if (client.isEmpty()) {
			error(response, 404, "not_found", "no client '" + clientId + "' is registered");
			return;
		}
		TokenServlet.write(response, status, ClientJson.view(client.get()));
	}

	/** The caller when it has a valid token and role admin; otherwise answers 401 or 403 and returns null. */
	private Caller admin(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"cwh\"");
			BearerFilter.closeIfBodyUnread(request, response);
			error(response, 401, "invalid_request", "this API needs a bearer token of a client with role admin");
			return null;
		}
		Caller caller;
		try {
			caller = tokens.verify(authorization.substring(7).trim(), request);
		} catch (TokenException e) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"cwh\", error=\"invalid_token\"");
			BearerFilter.closeIfBodyUnread(request, response);
			error(response, 401, "invalid_token", e.getMessage());
			return null;
		}
		if (!caller.hasRole(Role.ADMIN)) {
			BearerFilter.closeIfBodyUnread(request, response);
			error(response, 403, "access_denied", "registering clients needs role admin; client '"
					+ caller.clientId() + "' has " + caller.roles().stream().map(Role::code).sorted().toList());
			return null;
		}
		return caller;
	}

	private static byte[] body(HttpServletRequest request) throws IOException {
		return request.getInputStream().readNBytes(1_000_000);
	}

	private static void error(HttpServletResponse response, int status, String error, String description)
			throws IOException {
		TokenServlet.error(response, status, error, description, false);
	}

	/** For the README and tests: the routes this servlet answers. */
	static List<String> routes() {
		return List.of("GET " + PATH, "POST " + PATH, "GET " + PATH + "/{id}", "PATCH " + PATH + "/{id}",
				"POST " + PATH + "/{id}/deactivate", "POST " + PATH + "/{id}/activate");
	}
}
