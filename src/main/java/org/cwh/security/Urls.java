package org.cwh.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The URLs tokens are bound to. With {@code cwh.public-url} set (the FHIR base behind a proxy, e.g.
 * {@code https://cwh.example.org/fhir}) they derive from it: the server root is that URL without its last path segment
 * ({@code https://cwh.example.org}), the token endpoint is {@code <root>/auth/token}, the issuer {@code <root>/auth}
 * and the audience the FHIR base itself. Without it they derive from each request's own URL, so a token obtained
 * through one host name is refused through another.
 */
final class Urls {

	static final String TOKEN_PATH = "/auth/token";
	static final String ISSUER_PATH = "/auth";

	private final String publicRoot;
	private final String publicFhirBase;

	Urls(String publicFhirUrl) {
		if (publicFhirUrl == null || publicFhirUrl.isEmpty()) {
			this.publicRoot = null;
			this.publicFhirBase = null;
		} else {
			String base = publicFhirUrl.endsWith("/") ? publicFhirUrl.substring(0, publicFhirUrl.length() - 1)
					: publicFhirUrl;
			URI uri = URI.create(base);
			String path = uri.getPath() == null ? "" : uri.getPath();
			this.publicFhirBase = base;
			this.publicRoot = base.substring(0, base.length() - path.length())
					+ path.substring(0, Math.max(0, path.lastIndexOf('/')));
		}
	}

	/** {@code https://host[:port][/prefix]}: where {@code /fhir} and {@code /auth} live. */
	String root(HttpServletRequest request) {
		if (publicRoot != null) {
			return publicRoot;
		}
		String url = request.getRequestURL().toString();
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority() + request.getContextPath();
	}

	/** The FHIR base URL, the {@code aud} of access tokens. */
	String fhirBase(HttpServletRequest request) {
		return publicFhirBase != null ? publicFhirBase : root(request) + "/fhir";
	}

	String tokenUrl(HttpServletRequest request) {
		return root(request) + TOKEN_PATH;
	}

	String issuer(HttpServletRequest request) {
		return root(request) + ISSUER_PATH;
	}
}
