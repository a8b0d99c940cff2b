package org.cwh.security;

import java.util.List;
import java.util.Optional;
import org.cwh.security.Caller.Role;

/**
 * Which handoff Tasks and referrals (ServiceRequests) a caller's organization may see and change. Pure: values in,
 * values out; later layers (patient consent) add their own decisions beside these.
 *
 * <ul>
 *   <li><b>admin</b>: no organization limit (it registers clients and repairs data).
 *   <li><b>agency</b>: reads every Task and ServiceRequest (oversight); changes none.
 *   <li><b>provider</b>: sees and changes the Tasks its organization owns ({@code Task.owner}) and the ServiceRequests
 *       those Tasks point to ({@code Task.focus}); creates only Tasks it owns; deletes none.
 *   <li><b>referrer</b>: sees and changes the Tasks its organization requested ({@code Task.requester}) and the
 *       ServiceRequests those Tasks point to; creates ServiceRequests, and Tasks requested by itself; deletes its own
 *       Tasks. ServiceRequests are withdrawn by status; only an admin deletes one.
 * </ul>
 *
 * A ServiceRequest is visible only through a Task, so a referrer posts the referral and its Task together (the IG's
 * referral transaction); until the Task exists, only the create response shows the ServiceRequest. A Task may point
 * to a ServiceRequest only if the caller already sees that ServiceRequest or no other Task points to it yet, so a
 * Task cannot be used to reach another organization's referral. A caller with several roles gets the union.
 */
final class OrganizationRules {

	/** Whether this caller's reads of Tasks and ServiceRequests are limited to its organization's. */
	boolean limitsReads(Caller caller) {
		return !caller.hasRole(Role.ADMIN) && !caller.hasRole(Role.AGENCY);
	}

	Decision readTask(Caller caller, TaskParties task) {
		if (!limitsReads(caller) || worksOn(caller, task)) {
			return Decision.ALLOW;
		}
		return Decision.deny(organizationRule(caller) + " reads only the Tasks " + relation(caller) + " ("
				+ taskCondition(caller) + ")");
	}

	/** @param focusing the Tasks whose {@code focus} is this ServiceRequest */
	Decision readServiceRequest(Caller caller, List<TaskParties> focusing) {
		if (!limitsReads(caller) || focusing.stream().anyMatch(t -> worksOn(caller, t))) {
			return Decision.ALLOW;
		}
		return Decision.deny(organizationRule(caller) + " reads only the ServiceRequests that a Task "
				+ relation(caller) + " points to (" + taskCondition(caller) + ", Task.focus = the ServiceRequest)");
	}

	/** Create, update (checked on the stored and on the new version) or delete of a Task. */
	Decision writeTask(Caller caller, Interaction interaction, TaskParties task) {
		if (caller.hasRole(Role.ADMIN)) {
			return Decision.ALLOW;
		}
		if (!caller.hasRole(Role.PROVIDER) && !caller.hasRole(Role.REFERRER)) {
			return Decision.deny("organization rule: an agency reads Tasks but does not change them");
		}
		String own = caller.organizationId();
		boolean referrer = caller.hasRole(Role.REFERRER);
		boolean provider = caller.hasRole(Role.PROVIDER);
		return switch (interaction) {
			case CREATE -> referrer && own.equals(task.requester())
					|| provider && own.equals(task.owner()) && (task.requester() == null || own.equals(task.requester()))
							? Decision.ALLOW
							: Decision.deny(organizationRule(caller) + " creates only " + createCondition(caller));
			case UPDATE -> worksOn(caller, task)
					? Decision.ALLOW
					: Decision.deny(organizationRule(caller) + " changes only the Tasks " + relation(caller) + " ("
							+ taskCondition(caller) + ", before and after the change)");
			case DELETE -> referrer && own.equals(task.requester())
					? Decision.ALLOW
					: Decision.deny("organization rule: only the requesting organization deletes a Task "
							+ "(role referrer, Task.requester = " + caller.organizationReference() + ")");
			case READ, SEARCH -> readTask(caller, task);
		};
	}

	/** Create, update or delete of a ServiceRequest; {@code focusing} as for {@link #readServiceRequest}. */
	Decision writeServiceRequest(Caller caller, Interaction interaction, List<TaskParties> focusing) {
		if (caller.hasRole(Role.ADMIN)) {
			return Decision.ALLOW;
		}
		if (!caller.hasRole(Role.PROVIDER) && !caller.hasRole(Role.REFERRER)) {
			return Decision.deny("organization rule: an agency reads ServiceRequests but does not change them");
		}
		return switch (interaction) {
			case CREATE -> caller.hasRole(Role.REFERRER)
					? Decision.ALLOW
					: Decision.deny("organization rule: creating a referral (ServiceRequest) needs role referrer");
			case UPDATE -> focusing.stream().anyMatch(t -> worksOn(caller, t))
					? Decision.ALLOW
					: Decision.deny(organizationRule(caller) + " changes only the ServiceRequests that a Task "
							+ relation(caller) + " points to (" + taskCondition(caller) + ", Task.focus)");
			// A Task pointing to the referral blocks its delete (referential integrity), and without one no organization
			// sees it: a referral is withdrawn by status (revoked, entered-in-error), and deleted by an admin.
			case DELETE -> Decision.deny("organization rule: a ServiceRequest is deleted by an admin only; withdraw a "
					+ "referral by setting its status (revoked or entered-in-error)");
			case READ, SEARCH -> readServiceRequest(caller, focusing);
		};
	}

	/**
	 * May a Task written by this caller point ({@code focus}) to a ServiceRequest that these other Tasks already point
	 * to? Yes if none does yet (a new referral) or the caller sees the ServiceRequest through one of them.
	 */
	Decision focusOn(Caller caller, List<TaskParties> otherTasks) {
		if (caller.hasRole(Role.ADMIN) || otherTasks.isEmpty()
				|| readServiceRequest(caller, otherTasks).allowed()) {
			return Decision.ALLOW;
		}
		return Decision.deny("organization rule: a Task may point (Task.focus) only to a ServiceRequest "
				+ "that " + caller.organizationReference() + " already sees, or to one no Task points to yet");
	}

	/**
	 * The search parameter that limits a Task search to what this caller sees, when one parameter can say it: owner
	 * for a provider, requester for a referrer. Empty for callers without limits and for a caller with both roles
	 * (an OR across two parameters); their results are filtered one by one instead.
	 */
	Optional<SearchRestriction> taskSearch(Caller caller) {
		return onlyParty(caller).map(p -> new SearchRestriction(p, caller.organizationReference()));
	}

	/** As {@link #taskSearch}, for ServiceRequests: through the Tasks that point to them ({@code _has}). */
	Optional<SearchRestriction> serviceRequestSearch(Caller caller) {
		return onlyParty(caller).map(p -> new SearchRestriction("_has:Task:focus:" + p, caller.organizationReference()));
	}

	/** A search parameter and value that is added (AND) to a caller's search. */
	record SearchRestriction(String parameter, String value) {}

	private Optional<String> onlyParty(Caller caller) {
		if (!limitsReads(caller)) {
			return Optional.empty();
		}
		boolean provider = caller.hasRole(Role.PROVIDER);
		boolean referrer = caller.hasRole(Role.REFERRER);
		if (provider && !referrer) {
			return Optional.of("owner");
		}
		if (referrer && !provider) {
			return Optional.of("requester");
		}
		return Optional.empty();
	}

	private static boolean worksOn(Caller caller, TaskParties task) {
		String own = caller.organizationId();
		return caller.hasRole(Role.PROVIDER) && own.equals(task.owner())
				|| caller.hasRole(Role.REFERRER) && own.equals(task.requester());
	}

	private static String organizationRule(Caller caller) {
		boolean provider = caller.hasRole(Role.PROVIDER);
		boolean referrer = caller.hasRole(Role.REFERRER);
		String who = provider && referrer ? "a provider and referrer" : provider ? "a provider" : "a referrer";
		return "organization rule: " + who;
	}

	private static String relation(Caller caller) {
		boolean provider = caller.hasRole(Role.PROVIDER);
		boolean referrer = caller.hasRole(Role.REFERRER);
		return provider && referrer ? "its organization owns or requested"
				: provider ? "its organization owns" : "its organization requested";
	}

	private static String taskCondition(Caller caller) {
		boolean provider = caller.hasRole(Role.PROVIDER);
		boolean referrer = caller.hasRole(Role.REFERRER);
		String org = caller.organizationReference();
		return provider && referrer ? "Task.owner or Task.requester = " + org
				: provider ? "Task.owner = " + org : "Task.requester = " + org;
	}

	private static String createCondition(Caller caller) {
		boolean provider = caller.hasRole(Role.PROVIDER);
		boolean referrer = caller.hasRole(Role.REFERRER);
		String org = caller.organizationReference();
		String asReferrer = "Tasks it requests (Task.requester = " + org + ")";
		String asProvider = "Tasks it owns (Task.owner = " + org + ") that name no other requester";
		return provider && referrer ? asReferrer + " or " + asProvider : provider ? asProvider : asReferrer;
	}
}
