package org.cwh.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.cwh.config.SettingsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The directory seed: the IG's national helplines and example peer-support services, organizations and specialists,
 * stored under their own ids once the node serves ({@link DirectorySeed}).
 * {@code cwh.directory.seed=false} turns it off.
 */
@Configuration
public class DirectoryConfig {

	@Bean
	public DirectorySettings directorySettings(SettingsSource source) {
		return DirectorySettings.from(source);
	}

	/** After the validator's warm-up (its writes are validated), before the IG's publication. */
	@Bean
	@Order(20)
	DirectorySeed directorySeed(DirectorySettings settings, FhirContext ctx, DaoRegistry daos) {
		return new DirectorySeed(settings, ctx, daos);
	}
}
