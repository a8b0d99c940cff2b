package org.cwh.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the authenticated client, the Organization it acts for, its roles and the scopes its token grants.
 * Authentication attaches one to every FHIR request it lets through; any feature asks {@link #of(RequestDetails)}
 * and never looks at tokens itself. A request without a caller is internal work of the server (seeding, sweeps,
 * deliveries) or comes from a node started with authentication explicitly turned off.
 *
 * @param clientId the registered client id (token {@code client_id} claim or the external issuer's subject)
 * @param organizationId the logical id of the FHIR Organization the client belongs to, e.g. {@code harbor-crisis}
 * @param roles what the client is for; at least one
 * @param scopes the granted SMART scopes as strings, e.g. {@code system/Task.cruds}
 */
public record Caller(String clientId, String organizationId, Set<Role> roles, Set<String> scopes) {

	private static final String KEY = Caller.class.getName();

	/** What a client is registered for; ARCHITECTURE.md "Who uses it" names the parties. */
	public enum Role {
		/** ED, 988 center, mobile team: creates crisis encounters and referrals. */
		REFERRER,
		/** Community organization: works the referrals it owns. */
		PROVIDER,
		/** State agency: bulk export and reports. */
		AGENCY,
		/** Registers clients. */
		ADMIN;

		/** The lower-case name used in registrations and tokens, e.g. {@code referrer}. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Role fromCode(String code) {
			for (Role role : values()) {
				if (role.code().equals(code)) {
					return role;
				}
			}
			throw new IllegalArgumentException("unknown role '" + code + "'; known: referrer, provider, agency, admin");
		}
	}

	public Caller {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(organizationId, "organizationId");
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("a caller has at least one role");
		}
	}

	/** The caller of this request, or empty for internal requests and when authentication is off. */
	public static Optional<Caller> of(RequestDetails request) {
		return request == null ? Optional.empty() : Optional.ofNullable((Caller) request.getUserData().get(KEY));
	}

	/** Makes this the caller of the request; only authentication calls this. */
	void attachTo(RequestDetails request) {
		request.getUserData().put(KEY, this);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** The relative reference to the caller's Organization, e.g. {@code Organization/harbor-crisis}. */
	public String organizationReference() {
		return "Organization/" + organizationId;
	}
}
