package org.cwh.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a token's SMART scopes allow: for each resource type, which of the {@link Interaction}s. Reads v2 scopes
 * ({@code system/Task.cruds}, {@code system/*.rs}) and v1 ones ({@code system/Task.read}, {@code system/*.write},
 * {@code system/Task.*}) through {@link Scope#parse}. Pure: values in, values out; the authorization rule asks it once
 * per request and per resource it checks.
 *
 * <p>Only {@code system/} scopes grant anything: CWH serves SMART Backend Services, where no patient or user context
 * exists. A v2 scope with a query ({@code system/Observation.rs?category=laboratory}) grants its letters only on the
 * resources that match the query: {@link #queries} lists them, and the authorization rule matches each resource with
 * HAPI's in-memory search parameter matcher. A scope without a query on the same type and letter makes its queries
 * moot. Scopes that are not resource scopes ({@code openid}, {@code online_access}) are ignored.
 */
final class ScopeGrants {

	private static final String ANY_TYPE = "*";

	/** Resource type (or {@code *}) to the letters granted on it. */
	private final Map<String, Set<Interaction>> byType;
	/** Resource type (or {@code *}) to the letters granted on it only where a resource matches one of the queries. */
	private final Map<String, Map<Interaction, List<String>>> byTypeWithQuery;
	private final Set<String> granted;
	/** Scope text to why it grants nothing, for the 403 message. */
	private final Map<String, String> unusable;

	private ScopeGrants(Map<String, Set<Interaction>> byType, Map<String, Map<Interaction, List<String>>> byTypeWithQuery,
			Set<String> granted, Map<String, String> unusable) {
		this.byType = byType;
		this.byTypeWithQuery = byTypeWithQuery;
		this.granted = granted;
		this.unusable = unusable;
	}

	/** The grants of these scope strings; one that is malformed or unusable grants nothing and is remembered. */
	static ScopeGrants of(Collection<String> scopes) {
		Map<String, Set<Interaction>> byType = new HashMap<>();
		Map<String, Map<Interaction, List<String>>> byTypeWithQuery = new HashMap<>();
		Set<String> granted = new TreeSet<>();
		Map<String, String> unusable = new TreeMap<>();
		for (String text : scopes) {
			Scope scope;
			try {
				scope = Scope.parse(text);
			} catch (IllegalArgumentException e) {
				unusable.put(text, "not a SMART scope");
				continue;
			}
			if (!scope.isResourceScope()) {
				continue;
			}
			if (!"system".equals(scope.context())) {
				unusable.put(text, "only system/ scopes apply to backend services");
				continue;
			}
			for (Interaction interaction : Interaction.values()) {
				if (scope.permissions().indexOf(interaction.letter()) < 0) {
					continue;
				}
				if (scope.query() == null) {
					byType.computeIfAbsent(scope.resourceType(), t -> EnumSet.noneOf(Interaction.class)).add(interaction);
				} else {
					byTypeWithQuery.computeIfAbsent(scope.resourceType(), t -> new EnumMap<>(Interaction.class))
							.computeIfAbsent(interaction, i -> new ArrayList<>()).add(scope.query());
				}
			}
			granted.add(text);
		}
		return new ScopeGrants(byType, byTypeWithQuery, granted, unusable);
	}

	/** Whether the scopes grant this interaction on this resource type, by name or through {@code *}. */
	boolean allows(Interaction interaction, String resourceType) {
		return byType.getOrDefault(resourceType, Set.of()).contains(interaction)
				|| byType.getOrDefault(ANY_TYPE, Set.of()).contains(interaction);
	}

	/**
	 * The queries (e.g. {@code category=laboratory}) under which scopes grant this interaction on this type, from
	 * scopes on the type and on {@code *}; empty when none does, or when a scope grants it without a query.
	 */
	List<String> queries(Interaction interaction, String resourceType) {
		if (allows(interaction, resourceType)) {
			return List.of();
		}
		List<String> queries = new ArrayList<>();
		for (String type : List.of(resourceType, ANY_TYPE)) {
			queries.addAll(byTypeWithQuery.getOrDefault(type, Map.of()).getOrDefault(interaction, List.of()));
		}
		return queries;
	}

	/** Whether the interaction is granted on the type at all: outright, or for resources matching a query. */
	boolean allowsSome(Interaction interaction, String resourceType) {
		return allows(interaction, resourceType) || !queries(interaction, resourceType).isEmpty();
	}

	/** Whether any one of these interactions is granted on the type. */
	boolean allowsAny(String resourceType, Interaction... anyOf) {
		for (Interaction interaction : anyOf) {
			if (allows(interaction, resourceType)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Why a request is refused: the scope it needs, in v2 and v1 spelling, and what the token has, e.g.
	 * {@code needs system/Task.u (or system/Task.write); token has: system/Task.rs}.
	 */
	String needs(String resourceType, Interaction... anyOf) {
		List<String> v2 = new ArrayList<>();
		Set<String> v1 = new TreeSet<>();
		for (Interaction interaction : anyOf) {
			v2.add("system/" + resourceType + "." + interaction.letter());
			v1.add("system/" + resourceType + "." + interaction.v1());
		}
		return "needs " + String.join(" or ", v2) + " (or " + String.join(" or ", v1) + "); " + tokenHas();
	}

	/** {@code token has: …} with the usable scopes, then the unusable ones and why. */
	String tokenHas() {
		StringBuilder text = new StringBuilder("token has: ");
		text.append(granted.isEmpty() ? "no usable resource scope" : String.join(" ", granted));
		unusable.forEach((scope, why) -> text.append("; ").append(scope).append(" grants nothing: ").append(why));
		return text.toString();
	}
}
