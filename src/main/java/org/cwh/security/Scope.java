package org.cwh.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART scope, v1 ({@code system/Patient.read}) or v2 ({@code system/Patient.rs?category=x}), or a non-resource
 * scope such as {@code openid}. Pure: used by the token endpoint to grant the part of a request that a client's
 * registration allows ({@link #grant}).
 *
 * @param text the scope as written
 * @param context {@code patient}, {@code user} or {@code system}; null for a non-resource scope
 * @param resourceType a FHIR type or {@code *}; null for a non-resource scope
 * @param permissions a subset of {@code cruds} in that order; empty for a non-resource scope
 * @param query a v2 query such as {@code category=x}, or null
 */
record Scope(String text, String context, String resourceType, String permissions, String query) {

	private static final Pattern RESOURCE = Pattern.compile(
			"(patient|user|system)/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*|c?r?u?d?s?)(\\?[^\\s]+)?");
	private static final Pattern OTHER = Pattern.compile("[A-Za-z][A-Za-z0-9_/:.-]{0,99}");
	private static final String ALL = "cruds";

	/** Parses one scope; throws {@link IllegalArgumentException} naming it when it is neither kind. */
	static Scope parse(String text) {
		Matcher m = RESOURCE.matcher(text);
		if (m.matches()) {
			String raw = m.group(3);
			String permissions = switch (raw) {
				case "read" -> "rs";
				case "write" -> "cud";
				case "*" -> ALL;
				default -> raw;
			};
			if (permissions.isEmpty()) {
				throw new IllegalArgumentException("scope '" + text + "' grants no permission");
			}
			if (m.group(4) != null && (raw.equals("read") || raw.equals("write") || raw.equals("*"))) {
				throw new IllegalArgumentException("scope '" + text + "': a query needs v2 permissions such as .rs");
			}
			return new Scope(text, m.group(1), m.group(2), permissions,
					m.group(4) == null ? null : m.group(4).substring(1));
		}
		if (OTHER.matcher(text).matches() && !text.contains(".") && !text.startsWith("system/")
				&& !text.startsWith("patient/") && !text.startsWith("user/")) {
			return new Scope(text, null, null, "", null);
		}
		throw new IllegalArgumentException("'" + text + "' is not a SMART scope such as system/Patient.rs");
	}

	/** Space-separated scopes, each parsed. */
	static List<Scope> parseAll(String spaceSeparated) {
		List<Scope> scopes = new ArrayList<>();
		for (String part : spaceSeparated.trim().split("\\s+")) {
			if (!part.isEmpty()) {
				scopes.add(parse(part));
			}
		}
		return scopes;
	}

	boolean isResourceScope() {
		return context != null;
	}

	/**
	 * What may be granted of {@code requested} given the {@code registered} scopes: per requested scope, its overlap
	 * with each registered one (same context, the narrower resource type and query, the common permissions). A scope
	 * granted whole keeps the client's spelling; a narrowed one is written in v2 form. The order follows the request.
	 */
	static Set<String> grant(List<Scope> requested, List<Scope> registered) {
		Set<String> granted = new LinkedHashSet<>();
		for (Scope want : requested) {
			for (Scope have : registered) {
				Scope overlap = want.overlap(have);
				if (overlap != null) {
					granted.add(overlap.sameGrantAs(want) ? want.text : overlap.text);
				}
			}
		}
		return granted;
	}

	private Scope overlap(Scope other) {
		if (!isResourceScope() || !other.isResourceScope()) {
			return !isResourceScope() && text.equals(other.text) ? this : null;
		}
		if (!context.equals(other.context)) {
			return null;
		}
		String type;
		if (other.resourceType.equals("*")) {
			type = resourceType;
		} else if (resourceType.equals("*") || resourceType.equals(other.resourceType)) {
			type = other.resourceType;
		} else {
			return null;
		}
		String q;
		if (other.query == null || Objects.equals(query, other.query)) {
			q = query;
		} else if (query == null) {
			q = other.query;
		} else {
			return null;
		}
		StringBuilder common = new StringBuilder();
		for (char p : ALL.toCharArray()) {
			if (permissions.indexOf(p) >= 0 && other.permissions.indexOf(p) >= 0) {
				common.append(p);
			}
		}
		if (common.isEmpty()) {
			return null;
		}
		String v2 = context + "/" + type + "." + common + (q == null ? "" : "?" + q);
		return new Scope(v2, context, type, common.toString(), q);
	}

	private boolean sameGrantAs(Scope other) {
		return Objects.equals(context, other.context) && Objects.equals(resourceType, other.resourceType)
				&& permissions.equals(other.permissions) && Objects.equals(query, other.query);
	}
}
