package org.cwh.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.matcher.AuthorizationSearchParamMatcher;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.cwh.config.OpenApiContributor;
import org.cwh.config.RestfulServerContributor;
import org.cwh.config.ServletContributor;
import org.cwh.config.SettingsSource;
import org.cwh.config.SharedSettings;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.hl7.fhir.r4.model.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication, always on unless {@code CWH_AUTH=off}: the client registry and the server's signing key in the
 * database, the token endpoint {@code /auth/token} and key set {@code /auth/jwks}, SMART discovery at
 * {@code /fhir/.well-known/smart-configuration}, the bearer check on {@code /fhir/*} and the hook that hands each
 * request's {@link Caller} to HAPI, the admin API {@code /auth/clients}; and authorization, what each Caller may do
 * ({@link #authorization}).
 */
@Configuration
public class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	@Bean
	public SecuritySettings securitySettings(SettingsSource source) {
		SecuritySettings settings = SecuritySettings.from(source);
		if (!settings.on()) {
			log.warn("auth: AUTHENTICATION IS OFF ({}=off): every /fhir request is served without a token",
					SecuritySettings.AUTH.envVar());
		}
		if (settings.clientSecrets()) {
			log.warn("auth: client secrets are ON (client_secret_basic accepted at /auth/token; {}=true or --demo); "
					+ "production clients should sign a client_assertion instead", SecuritySettings.CLIENT_SECRETS
							.envVar());
		}
		return settings;
	}

	@Bean
	Urls authUrls(SettingsSource source) {
		return new Urls(source.string(SharedSettings.PUBLIC_URL));
	}

	@Bean
	public ClientRegistry clientRegistry(DataSource dataSource, DaoRegistry daos, Clock clock) {
		return registry(dataSource, daos, clock);
	}

	/** The registry on this database, its tables created when missing; also used by {@link ClientCommand}. */
	static ClientRegistry registry(DataSource dataSource, DaoRegistry daos, Clock clock) {
		AuthTables.create(dataSource);
		return new ClientRegistry(dataSource, id -> organizationExists(daos, id), clock);
	}

	private static boolean organizationExists(DaoRegistry daos, String id) {
		try {
			daos.getResourceDao("Organization").read(new IdType("Organization", id), new SystemRequestDetails());
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
	}

	/** The demo's clients, registered at start when {@code cwh.demo} is true. */
	@Bean
	DemoClients demoClients(SettingsSource source, ClientRegistry registry, DaoRegistry daos) {
		return new DemoClients(source.bool(SharedSettings.DEMO), registry, daos);
	}

	@Bean
	ServerKeys serverKeys(SecuritySettings settings, ClientRegistry registry, DataSource dataSource, Clock clock) {
		// The registry bean created the tables this reads.
		return ServerKeys.load(settings.signingKeyFile(), dataSource, clock);
	}

	@Bean
	AccessTokens accessTokens(ServerKeys keys, Clock clock, SecuritySettings settings) {
		return new AccessTokens(keys, clock, settings.tokenLifetime());
	}

	@Bean
	public ServletContributor authRoutes(SecuritySettings settings, ClientRegistry registry, AccessTokens tokens,
			ServerKeys keys, Urls urls, DataSource dataSource, Clock clock, FhirContext fhirContext) {
		ClientAssertions assertions = new ClientAssertions(registry, new JtiLedger(dataSource, clock), clock);
		ExternalTokens external = settings.external() == null ? null : new ExternalTokens(settings.external(), clock);
		if (external != null) {
			log.info("auth: access tokens of {} are accepted too (keys from {})", external.issuer(),
					settings.external().jwks());
		}
		return context -> {
			context.addServlet(new ServletHolder("auth-token",
					new TokenServlet(registry, assertions, tokens, urls, settings.clientSecrets())), Urls.TOKEN_PATH);
			BearerTokens bearerTokens = new BearerTokens(tokens, external, registry, urls);
			context.addServlet(new ServletHolder("auth-clients", new ClientsServlet(registry, bearerTokens)),
					ClientsServlet.PATH + "/*");
			DiscoveryServlet discovery = new DiscoveryServlet(urls, keys, settings.clientSecrets());
			context.addServlet(new ServletHolder("auth-jwks", discovery), "/auth/jwks");
			context.addServlet(new ServletHolder("smart-configuration", discovery),
					"/fhir/.well-known/smart-configuration");
			if (settings.on()) {
				context.addFilter(new FilterHolder(new BearerFilter(bearerTokens, fhirContext)), "/fhir/*",
						EnumSet.of(DispatcherType.REQUEST));
			} else {
				context.addFilter(new FilterHolder(new AuthOffWarningFilter()), "/*",
						EnumSet.of(DispatcherType.REQUEST));
			}
		};
	}

	/** Swagger UI's Authorize button: the security schemes of the OpenAPI document, while authentication is on. */
	@Bean
	public OpenApiContributor openApiSecurity(SecuritySettings settings, Urls urls) {
		OpenApiSecurity security = new OpenApiSecurity(urls, settings.clientSecrets());
		return settings.on() ? security : (openApi, request) -> {};
	}

	@Bean
	public RestfulServerContributor callerOnRequests() {
		return server -> server.registerInterceptor(new CallerInterceptor());
	}

	/**
	 * Authorization: what each {@link Caller} may do by SMART scopes, roles and its organization. HAPI's
	 * AuthorizationInterceptor (with its SMART v2 query matcher) and ConsentInterceptor, subclassed, with CWH's rules,
	 * the search narrowing and the Task focus guard. Requests without a Caller (internal work, authentication off)
	 * are not limited.
	 */
	@Bean
	public RestfulServerContributor authorization(DaoRegistry daos, ISearchParamRegistry searchParams,
			SearchParamMatcher matcher, SecuritySettings settings) {
		OrganizationRules organizations = new OrganizationRules();
		FocusingTasks focusing = new FocusingTasks(daos);
		return server -> {
			server.registerInterceptor(new CallerAuthorization(organizations, new OperationRules(), focusing, daos,
					new AuthorizationSearchParamMatcher(matcher), settings.on()));
			server.registerInterceptor(new SearchNarrowing(organizations, searchParams));
			server.registerInterceptor(
					new OrganizationConsentInterceptor(new OrganizationConsentService(organizations, focusing)));
			server.registerInterceptor(new TaskFocusGuard(organizations, focusing));
		};
	}
}
