package org.cwh.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer check on every request under {@code /fhir}, before HAPI sees it, so no route (FHIR interactions,
 * operations, paging, Swagger's own handler) can be missed. {@link OpenRoutes} pass without a token; every other
 * request needs a valid access token ({@link BearerTokens}) or gets 401 with {@code WWW-Authenticate: Bearer} and an
 * OperationOutcome. The caller goes into a request attribute, from which {@link CallerInterceptor} hands it to HAPI.
 * Mounted on {@code /fhir/*} by {@link SecurityConfig} when authentication is on.
 */
final class BearerFilter implements Filter {

	private static final Logger log = LoggerFactory.getLogger(BearerFilter.class);
	static final String ATTRIBUTE = Caller.class.getName();

	private final BearerTokens tokens;
	private final FhirContext fhirContext;

	BearerFilter(BearerTokens tokens, FhirContext fhirContext) {
		this.tokens = tokens;
		this.fhirContext = fhirContext;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		if (OpenRoutes.isOpen(request.getMethod(), pathWithinFhir(request))) {
			chain.doFilter(request, response);
			return;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			refuse(request, response, "Bearer realm=\"cwh\"", IssueType.LOGIN, authorization == null
					? "this request needs a bearer token: get one at the token endpoint named in "
							+ "/fhir/.well-known/smart-configuration and send Authorization: Bearer <token>"
					: "the Authorization header must be 'Bearer <token>'");
			return;
		}
		Caller caller;
		try {
			caller = tokens.verify(authorization.substring(7).trim(), request);
		} catch (TokenException e) {
			log.info("auth: bearer token refused: {}", e.getMessage());
			refuse(request, response, "Bearer realm=\"cwh\", error=\"invalid_token\", error_description=\""
					+ e.getMessage().replace('"', '\'') + "\"",
					e.getMessage().contains("expired") ? IssueType.EXPIRED : IssueType.SECURITY, e.getMessage());
			return;
		}
		request.setAttribute(ATTRIBUTE, caller);
		chain.doFilter(request, response);
	}

	/**
	 * A refused request's body is never read (it may be large, and it comes from someone unknown). Jetty then ends the
	 * connection after the answer; saying so in the answer keeps a client from sending its next request on it.
	 */
	static void closeIfBodyUnread(HttpServletRequest request, HttpServletResponse response) {
		if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
			response.setHeader("Connection", "close");
		}
	}

	/** The decoded, normalized path after {@code /fhir}, whichever servlet mapping matched. */
	static String pathWithinFhir(HttpServletRequest request) {
		String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
		String path = servletPath + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return path.startsWith("/fhir") ? path.substring("/fhir".length()) : path;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String challenge, IssueType type,
			String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		byte[] body = fhirContext.newJsonParser().setPrettyPrint(true).encodeResourceToString(outcome)
				.getBytes(StandardCharsets.UTF_8);
		response.setStatus(401);
		closeIfBodyUnread(request, response);
		response.setHeader("WWW-Authenticate", challenge);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("application/fhir+json;charset=utf-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
