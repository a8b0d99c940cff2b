package org.cwh.config;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;

/**
 * Puts HAPI's JPA storage behind the FHIR endpoint: a resource provider per R4 type, the system provider
 * (transaction, batch, {@code _history}), database-backed paging and a CapabilityStatement built from what is really
 * registered. Imported by {@link PersistenceConfig}; always on.
 */
final class FhirJpaEndpoint implements RestfulServerContributor {

	private final ResourceProviderFactory resourceProviders;
	private final IJpaSystemProvider systemProvider;
	private final DatabaseBackedPagingProvider pagingProvider;
	private final IFhirSystemDao<?, ?> systemDao;
	private final JpaStorageSettings storageSettings;
	private final ISearchParamRegistry searchParams;
	private final IValidationSupport validationSupport;

	FhirJpaEndpoint(ResourceProviderFactory resourceProviders, IJpaSystemProvider systemProvider,
			DatabaseBackedPagingProvider pagingProvider, IFhirSystemDao<?, ?> systemDao,
			JpaStorageSettings storageSettings, ISearchParamRegistry searchParams,
			IValidationSupport validationSupport) {
		this.resourceProviders = resourceProviders;
		this.systemProvider = systemProvider;
		this.pagingProvider = pagingProvider;
		this.systemDao = systemDao;
		this.storageSettings = storageSettings;
		this.searchParams = searchParams;
		this.validationSupport = validationSupport;
	}

	@Override
	public void contributeTo(RestfulServer server) {
		server.registerProviders(resourceProviders.createProviders());
		server.registerProvider(systemProvider);
		server.setPagingProvider(pagingProvider);
		JpaCapabilityStatementProvider capabilities =
				new JpaCapabilityStatementProvider(server, systemDao, storageSettings, searchParams, validationSupport);
		capabilities.setImplementationDescription("CWH - Crisis Warm Handoff FHIR server");
		server.setServerConformanceProvider(capabilities);
	}
}
