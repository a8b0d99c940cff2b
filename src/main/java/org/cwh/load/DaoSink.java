package org.cwh.load;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Stores bundles through this node's own HAPI system DAO, in-process: no HTTP, no token. Used for the demo data at
 * start; the same transaction processing as {@code POST /fhir} runs underneath.
 */
final class DaoSink implements BundleSink {

	private final DaoRegistry daos;

	DaoSink(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public boolean hasPatient(Identifier identifier) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add("identifier", new TokenParam(identifier.getSystem(), identifier.getValue()));
		query.setLoadSynchronousUpTo(1);
		return !daos.getResourceDao("Patient").search(query, new SystemRequestDetails()).isEmpty();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Sent send(Bundle bundle) {
		IFhirSystemDao<Bundle, ?> system = (IFhirSystemDao<Bundle, ?>) daos.getSystemDao();
		try {
			return Sent.fromResponse(system.transaction(new SystemRequestDetails(), bundle));
		} catch (BaseServerResponseException e) {
			return Sent.failed(e.getStatusCode() + " " + (e.getOperationOutcome() == null
					? e.getMessage()
					: Sent.diagnostics(e.getOperationOutcome())));
		}
	}
}
