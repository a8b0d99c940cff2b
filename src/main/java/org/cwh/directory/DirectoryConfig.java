package org.cwh.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.cwh.config.SettingsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory seed: the IG's national helplines and example peer-support services, organizations and specialists,
 * stored under their own ids once the profiles are in the store, so they are searchable from the first request.
 * {@code cwh.directory.seed=false} turns it off.
 */
@Configuration
public class DirectoryConfig {

	@Bean
	public DirectorySettings directorySettings(SettingsSource source) {
		return DirectorySettings.from(source);
	}

	@Bean
	DirectorySeed directorySeed(DirectorySettings settings, FhirContext ctx, DaoRegistry daos) {
		return new DirectorySeed(settings, ctx, daos);
	}
}
