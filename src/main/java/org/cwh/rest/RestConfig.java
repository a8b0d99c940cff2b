package org.cwh.rest;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import org.cwh.config.RestfulServerContributor;
import org.cwh.config.SettingsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR protocol behaviour CWH adds to HAPI: idempotent conditional-create retries, 412 for stale
 * {@code If-Match}, clean error bodies, ETags on PATCH, empty XML Patches refused, a truthful CapabilityStatement and
 * the OpenAPI/Swagger UI at {@code /fhir/swagger-ui/}. Always on.
 */
@Configuration
public class RestConfig {

	@Bean
	public RestSettings restSettings(SettingsSource source) {
		return RestSettings.from(source);
	}

	@Bean
	public RestfulServerContributor restProtocol(JpaStorageSettings storageSettings) {
		return server -> {
			server.registerInterceptor(new IdempotentRetryInterceptor());
			server.registerInterceptor(new ErrorResponseInterceptor());
			server.registerInterceptor(new PatchEtagInterceptor());
			server.registerInterceptor(new XmlPatchInterceptor());
			server.registerInterceptor(new CapabilityStatementInterceptor(storageSettings.isExpungeEnabled()));
			server.registerInterceptor(new OpenApiInterceptor());
		};
	}
}
