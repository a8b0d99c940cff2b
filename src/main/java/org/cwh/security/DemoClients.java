package org.cwh.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cwh.config.ResourcesById;
import org.cwh.security.Caller.Role;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The demo's clients, one per role, each acting for an Organization stored on the server, with a known client secret
 * (which is why {@code --demo} also turns {@code cwh.auth.client-secrets} on). Registered at start when
 * {@code cwh.demo} is true ({@link SecurityConfig}); a client already registered is left as it is, so restarts and
 * several nodes register nothing twice, and a demo client an operator deactivated stays deactivated.
 *
 * <p>The referrer acts for Harbor County Crisis Services and the provider for Northside Recovery Community, both the
 * IG's example Organizations (the provider's is also in the directory seed); the agency and the admin act for a demo
 * state agency. Those Organizations are stored first, under their own ids, unchanged ones untouched.
 */
public final class DemoClients implements ApplicationListener<ContextRefreshedEvent> {

	private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

	/** The referrer's Organization: an IG example, a crisis service (988 center, mobile team). */
	public static final String CRISIS_CENTER = "cwh-organization-harbor-crisis";
	/** The provider's Organization: an IG example, a peer recovery community organization. */
	public static final String PEER_SUPPORT = "cwh-organization-northside-rco";
	/** The agency's and admin's Organization, defined here. */
	public static final String STATE_AGENCY = "cwh-demo-state-agency";

	/**
	 * One demo client.
	 *
	 * @param id the client id
	 * @param secret its client secret (demo only: printed in the README)
	 * @param role its one role
	 * @param organizationId the Organization it acts for
	 * @param scopes the scopes it may be granted, space-separated
	 */
	public record Client(String id, String secret, Role role, String organizationId, String scopes) {}

	/** Every demo client, the referrer first (the one the start banner uses). */
	public static final List<Client> ALL = List.of(
			new Client("demo-referrer", "demo-referrer-secret", Role.REFERRER, CRISIS_CENTER, "system/*.cruds"),
			new Client("demo-provider", "demo-provider-secret", Role.PROVIDER, PEER_SUPPORT, "system/*.cruds"),
			new Client("demo-agency", "demo-agency-secret", Role.AGENCY, STATE_AGENCY, "system/*.rs"),
			new Client("demo-admin", "demo-admin-secret", Role.ADMIN, STATE_AGENCY, "system/*.cruds"));

	private final boolean demo;
	private final ClientRegistry registry;
	private final DaoRegistry daos;

	DemoClients(boolean demo, ClientRegistry registry, DaoRegistry daos) {
		this.demo = demo;
		this.registry = registry;
		this.daos = daos;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (demo) {
			int registered = register();
			log.info("auth: demo clients: {} registered now, {} already there", registered, ALL.size() - registered);
		}
	}

	/** Stores the Organizations, then registers the clients missing; returns how many it registered. */
	int register() {
		ResourcesById byId = new ResourcesById(daos);
		FhirContext ctx = daos.getFhirContext();
		byId.store(igExample(ctx, CRISIS_CENTER));
		byId.store(igExample(ctx, PEER_SUPPORT));
		byId.store(stateAgency());
		int registered = 0;
		for (Client client : ALL) {
			if (registry.find(client.id()).isPresent()) {
				continue;
			}
			try {
				registry.register(client.id(), new ClientRegistry.Registration(client.organizationId(),
						Set.of(client.role()), List.of(client.scopes().split(" ")), null, client.secret(), true));
				registered++;
			} catch (ClientRegistry.ClientExists e) {
				// Another node registered it a moment ago.
			}
		}
		return registered;
	}

	/** An Organization of the IG's examples, packaged from {@code profiles/} into {@code cwh-profiles/}. */
	private static Organization igExample(FhirContext ctx, String id) {
		String file = "cwh-profiles/Organization-" + id + ".json";
		try (InputStream in = DemoClients.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("demo: " + file + " is missing from the classpath");
			}
			return ctx.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false))
					.parseResource(Organization.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new IllegalStateException("demo: cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static Organization stateAgency() {
		Organization agency = new Organization().setActive(true).setName("State Behavioral Health Agency (demo)");
		agency.setId(STATE_AGENCY);
		agency.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type",
				"govt", "Government")));
		return agency;
	}
}
