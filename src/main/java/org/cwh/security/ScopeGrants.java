package org.cwh.security;

import java.util.ArrayList;
import java.util.Collection;
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
 * exists. A v2 scope with a query ({@code system/Observation.rs?category=laboratory}) grants nothing either: a search
 * could not be narrowed to it in every case (several such scopes on one type are an OR across parameters), so
 * rather than answer some searches with a 403 for data the client was granted, CWH does not honour them; the 403 of a
 * request that needed one says so. Scopes that are not resource scopes ({@code openid}, {@code online_access}) are
 * ignored.
 */
final class ScopeGrants {

	private static final String ANY_TYPE = "*";

	/** Resource type (or {@code *}) to the letters granted on it. */
	private final Map<String, Set<Interaction>> byType;
	private final Set<String> granted;
	/** Scope text to why it grants nothing, for the 403 message. */
	private final Map<String, String> unusable;

	private ScopeGrants(Map<String, Set<Interaction>> byType, Set<String> granted, Map<String, String> unusable) {
		this.byType = byType;
		this.granted = granted;
		this.unusable = unusable;
	}

	/** The grants of these scope strings; one that is malformed or unusable grants nothing and is remembered. */
	static ScopeGrants of(Collection<String> scopes) {
		Map<String, Set<Interaction>> byType = new HashMap<>();
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
			if (scope.query() != null) {
				unusable.put(text, "scopes with a query are not supported");
				continue;
			}
			Set<Interaction> letters = byType.computeIfAbsent(scope.resourceType(), t -> EnumSet.noneOf(Interaction.class));
			for (Interaction interaction : Interaction.values()) {
				if (scope.permissions().indexOf(interaction.letter()) >= 0) {
					letters.add(interaction);
				}
			}
			granted.add(text);
		}
		return new ScopeGrants(byType, granted, unusable);
	}

	/** Whether the scopes grant this interaction on this resource type, by name or through {@code *}. */
	boolean allows(Interaction interaction, String resourceType) {
		return byType.getOrDefault(resourceType, Set.of()).contains(interaction)
				|| byType.getOrDefault(ANY_TYPE, Set.of()).contains(interaction);
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
