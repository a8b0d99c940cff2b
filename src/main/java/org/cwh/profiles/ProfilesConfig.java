package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cwh.config.AfterServing;
import org.cwh.config.RestfulServerContributor;
import org.cwh.config.SettingException;
import org.cwh.config.SettingsSource;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.MetadataResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;

/**
 * The CWH IG inside the server. At start it reads our conformance resources from the classpath
 * ({@code cwh-profiles/}, packaged from {@code profiles/}), puts them first in HAPI's JPA validation chain (so write
 * checks, {@code $validate} and the CapabilityStatement's {@code supportedProfile} all see them, offline), stores them
 * under their own ids (readable, and our SearchParameters active), and registers {@link ProfileEnforcer} on the JPA
 * interceptor service. The validator is warmed on a background thread; REST writes wait for it before they open a
 * database transaction ({@link WarmValidatorGate}). Always on;
 * {@code cwh.profiles.required-types} makes some types require a CWH profile.
 */
@Configuration
public class ProfilesConfig {

	private static final Logger log = LoggerFactory.getLogger(ProfilesConfig.class);

	@Bean
	public ProfilesSettings profilesSettings(SettingsSource source, FhirContext ctx) {
		ProfilesSettings settings = ProfilesSettings.from(source);
		Set<String> unknown = new TreeSet<>(settings.requiredTypes());
		unknown.removeAll(ctx.getResourceTypes());
		if (!unknown.isEmpty()) {
			throw new SettingException(ProfilesSettings.REQUIRED_TYPES, "FHIR R4 resource types",
					String.join(",", unknown));
		}
		return settings;
	}

	/** Loads the package and adds it to the JPA validation chain: first, so our definitions win. */
	@Bean
	ProfilePackage profilePackage(FhirContext ctx,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaChain) {
		long started = System.nanoTime();
		ProfilePackage profiles = ProfilePackage.load(ctx);
		if (!(jpaChain instanceof ValidationSupportChain chain)) {
			throw new IllegalStateException("profiles: HAPI's validation support is a "
					+ jpaChain.getClass().getName() + ", not a ValidationSupportChain; cannot add the CWH profiles");
		}
		PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
		for (MetadataResource resource : profiles.resources()) {
			if (ProfilePackage.VALIDATION_TYPES.contains(resource.fhirType())) {
				ours.addResource(resource);
			}
		}
		chain.addValidationSupport(0, ours);
		// Offline, LOINC, SNOMED CT, RxNorm and HCPCS are unknown code systems, and the validator would call even a
		// code that our enumerated value set lists an error. As a warning it still refuses a code outside a
		// required value set, which is what the profiles need (IgExamplesValidTest uses the same chain end).
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		chain.addValidationSupport(unknownCodeSystems);
		log.info("profiles: {} conformance resources loaded from the classpath in {} ms", profiles.resources().size(),
				(System.nanoTime() - started) / 1_000_000);
		return profiles;
	}

	/**
	 * The server's instance validator: HAPI's JPA one (ValidationSupportConfig bean {@code myInstanceValidator}), with
	 * all its settings and its worker context, but reusing FHIR core's InstanceValidator across calls
	 * ({@link ReusedInstanceValidator}). Primary, so HAPI's DAOs, which look the module up by type for
	 * {@code $validate}, get this one too, and writes and {@code $validate} keep one verdict and one set of caches.
	 */
	@Bean
	@Primary
	IInstanceValidatorModule cwhInstanceValidator(@Qualifier("myInstanceValidator") IInstanceValidatorModule jpa) {
		if (!(jpa instanceof FhirInstanceValidator hapi)) {
			throw new IllegalStateException("profiles: HAPI's instance validator is a " + jpa.getClass().getName()
					+ ", not a FhirInstanceValidator; cannot configure ours like it");
		}
		return ReusedInstanceValidator.configuredLike(hapi);
	}

	/**
	 * Validates with the server's instance validator, the module {@code $validate} uses; transactions on one thread
	 * per core beside their writes (as many as the side connection pool holds: {@code ConnectionPools}).
	 */
	@Bean
	ProfileEnforcer profileEnforcer(FhirContext ctx, IInstanceValidatorModule instanceValidator,
			ProfilePackage profiles, ProfilesSettings settings, IInterceptorService storageInterceptors) {
		ProfileEnforcer enforcer = new ProfileEnforcer(ctx, instanceValidator, profiles.profilesByType(),
				settings.requiredTypes(), Runtime.getRuntime().availableProcessors());
		// The storage pointcuts fire on the JPA service for every write path; the RestfulServer sees REST only.
		storageInterceptors.registerInterceptor(enforcer);
		return enforcer;
	}

	@Bean
	RestfulServerContributor warmValidatorGate(ProfileEnforcer enforcer) {
		WarmValidatorGate gate = new WarmValidatorGate(enforcer);
		return server -> server.registerInterceptor(gate);
	}

	@Bean
	ProfileStore profileStore(DaoRegistry daos, ISearchParamRegistry searchParams, DataSource dataSource,
			JpaStorageSettings storageSettings) {
		return new ProfileStore(daos, searchParams, dataSource, storageSettings);
	}

	@Bean
	ProfilesAtStart profilesAtStart(FhirContext ctx, ProfilePackage profiles, ProfileStore store,
			ProfileEnforcer enforcer) {
		return new ProfilesAtStart(ctx, profiles, store, enforcer);
	}

	/** First after "ready": validated writes wait for it, the directory seed among them. */
	@Bean
	@Order(10)
	AfterServing validatorWarmUp(ProfilesAtStart atStart) {
		return AfterServing.of("profiles: validator warm-up", atStart::warmUp);
	}

	/** Last after "ready": only clients reading the definitions wait for it. */
	@Bean
	@Order(30)
	AfterServing conformancePublication(ProfilesAtStart atStart) {
		return AfterServing.of("profiles: publication", atStart::publish);
	}
}
