package org.cwh.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where rest-hook deliveries may go (no SSRF through Subscription endpoints): an absolute https URL (http only when
 * {@code cwh.notify.allow-http} is on) without user info or fragment, whose host is on the operator's allow-list, or
 * which starts with an allowed URL prefix (compared as scheme, host, port and whole path segments, so
 * {@code https://a.org/hooks} does not allow {@code https://a.org.evil.net/} or {@code https://a.org/hooksx}). Checked
 * when a Subscription is written and again before every delivery, since the list may change between the two.
 */
final class EndpointPolicy {

	private final List<String> allowed;
	private final boolean allowHttp;

	EndpointPolicy(List<String> allowed, boolean allowHttp) {
		this.allowed = List.copyOf(allowed);
		this.allowHttp = allowHttp;
	}

	static EndpointPolicy of(NotifySettings settings) {
		return new EndpointPolicy(settings.allowedEndpoints(), settings.allowHttp());
	}

	/** An allow-list entry is a bare host name or an http(s) URL with a host. */
	static boolean isValidEntry(String entry) {
		if (entry.contains("://")) {
			return parse(entry).isPresent();
		}
		return entry.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");
	}

	/** Why this endpoint is refused, or empty when deliveries may go there. */
	Optional<String> refusal(String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return Optional.of("the endpoint is missing");
		}
		Optional<URI> parsed = parse(endpoint);
		if (parsed.isEmpty()) {
			return Optional.of("'" + endpoint + "' is not an absolute http(s) URL without user info or fragment");
		}
		URI uri = parsed.get();
		if (uri.getScheme().equals("http") && !allowHttp) {
			return Optional.of("'" + endpoint + "' is not https (http endpoints are not allowed on this server)");
		}
		for (String entry : allowed) {
			if (matches(entry, uri)) {
				return Optional.empty();
			}
		}
		return Optional.of("'" + endpoint + "' is not on this server's list of allowed notification endpoints"
				+ " (ask the operator to add its host to cwh.notify.allowed-endpoints)");
	}

	private static boolean matches(String entry, URI uri) {
		if (!entry.contains("://")) {
			return entry.toLowerCase(Locale.ROOT).equals(uri.getHost());
		}
		URI prefix = parse(entry).orElseThrow();
		if (!prefix.getScheme().equals(uri.getScheme()) || !prefix.getHost().equals(uri.getHost())
				|| port(prefix) != port(uri)) {
			return false;
		}
		String prefixPath = prefix.getRawPath() == null ? "" : prefix.getRawPath();
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		if (prefixPath.isEmpty() || prefixPath.equals("/")) {
			return true;
		}
		if (prefixPath.endsWith("/")) {
			return path.startsWith(prefixPath);
		}
		return path.equals(prefixPath) || path.startsWith(prefixPath + "/");
	}

	private static int port(URI uri) {
		return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
	}

	private static Optional<URI> parse(String url) {
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!"https".equals(scheme) && !"http".equals(scheme)) {
				return Optional.empty();
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
					|| uri.getRawPath() != null && uri.getRawPath().contains("..")) {
				return Optional.empty();
			}
			return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(),
					uri.getPath(), uri.getQuery(), null));
		} catch (URISyntaxException e) {
			return Optional.empty();
		}
	}
}
