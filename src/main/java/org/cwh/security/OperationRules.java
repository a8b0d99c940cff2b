package org.cwh.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cwh.security.Caller.Role;

/**
 * What each FHIR operation the server exposes needs: a scope on the type it runs on, or role admin. An operation not
 * listed here needs role admin, so one that HAPI or a later feature adds is closed until someone decides.
 *
 * <p>Admin only: HAPI's maintenance and merge operations, and {@code $meta-add}/{@code $meta-delete}, because meta
 * carries the 42 CFR Part 2 security labels and a client must not be able to remove them. Pure.
 */
final class OperationRules {

	/** Operations only an admin may call, besides every operation missing from {@link #SCOPED}. */
	static final Set<String> ADMIN_ONLY = Set.of("$meta-add", "$meta-delete", "$hapi.fhir.merge",
			"$hapi.fhir.undo-merge", "$hapi.fhir.replace-references", "$hapi.fhir.undo-replace-references",
			"$reindex", "$reindex-dryrun", "$perform-reindexing-pass", "$mark-all-resources-for-reindexing",
			"$reindex-terminology", "$get-resource-counts", "$expunge", "$diff", "$trigger-subscription");

	/** Operations a scope opens, with the letters (any one suffices) they need on the type they run on. */
	private static final Map<String, Interaction[]> SCOPED = Map.ofEntries(
			// Validation is a dry-run write: whoever may create or update the type may check a body first.
			Map.entry("$validate", new Interaction[] {Interaction.CREATE, Interaction.UPDATE}),
			Map.entry("$everything", new Interaction[] {Interaction.READ}),
			// A referral's steps and times: whoever may read the Task (its read then applies the organization rules).
			Map.entry("$timeline", new Interaction[] {Interaction.READ}),
			Map.entry("$document", new Interaction[] {Interaction.READ}),
			Map.entry("$meta", new Interaction[] {Interaction.READ}),
			Map.entry("$lastn", new Interaction[] {Interaction.SEARCH}),
			Map.entry("$lookup", new Interaction[] {Interaction.READ}),
			Map.entry("$subsumes", new Interaction[] {Interaction.READ}),
			Map.entry("$validate-code", new Interaction[] {Interaction.READ}),
			Map.entry("$translate", new Interaction[] {Interaction.READ}),
			Map.entry("$expand", new Interaction[] {Interaction.READ}),
			Map.entry("$snapshot", new Interaction[] {Interaction.READ}));

	/**
	 * @param operation as HAPI names it, with or without the leading {@code $}
	 * @param resourceType the type it runs on, or null at system level
	 * @param instance whether it runs on one resource ({@code Task/1/$meta})
	 */
	Decision decide(Caller caller, ScopeGrants grants, String operation, String resourceType, boolean instance) {
		String name = operation.startsWith("$") ? operation : "$" + operation;
		Interaction[] needs = SCOPED.get(name);
		if (needs == null || ADMIN_ONLY.contains(name)) {
			return caller.hasRole(Role.ADMIN) ? Decision.ALLOW : Decision.deny("operation " + name + " needs role admin"
					+ (name.startsWith("$meta-") ? " (meta carries security labels, which clients may not edit)" : "")
					+ "; caller has role " + roles(caller));
		}
		if (resourceType == null) {
			// $meta at system level lists every tag and label in use: a search over all types.
			if (name.equals("$meta")) {
				return grants.allows(Interaction.SEARCH, "*") ? Decision.ALLOW
						: Decision.deny("operation $meta on the whole server " + grants.needs("*", Interaction.SEARCH));
			}
			return caller.hasRole(Role.ADMIN) ? Decision.ALLOW
					: Decision.deny("operation " + name + " at server level needs role admin; caller has role "
							+ roles(caller));
		}
		if (name.equals("$meta") && !instance) {
			needs = new Interaction[] {Interaction.SEARCH};
		}
		return grants.allowsAny(resourceType, needs) ? Decision.ALLOW
				: Decision.deny("operation " + name + " on " + resourceType + " " + grants.needs(resourceType, needs));
	}

	private static String roles(Caller caller) {
		Set<String> codes = new TreeSet<>();
		caller.roles().forEach(r -> codes.add(r.code()));
		return String.join(", ", codes);
	}
}
