package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/**
 * Makes /metadata say what the server really does. HAPI serves batch through the same system method as transaction
 * but lists only {@code transaction}, so {@code batch} is added; and while {@code $expunge} is switched off
 * ({@code JpaStorageSettings.setExpungeEnabled(false)}, record retention) HAPI still lists it and answers
 * HAPI-0968, so it is removed. Registered by {@link RestConfig}; always on.
 */
@Interceptor
public final class CapabilityStatementInterceptor {

	private static final String EXPUNGE = "expunge";

	private final boolean expungeEnabled;

	public CapabilityStatementInterceptor(boolean expungeEnabled) {
		this.expungeEnabled = expungeEnabled;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void tellTheTruth(IBaseConformance statement) {
		if (!(statement instanceof CapabilityStatement capabilities)) {
			return;
		}
		for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
			boolean transaction = rest.getInteraction().stream()
					.anyMatch(i -> i.getCode() == SystemRestfulInteraction.TRANSACTION);
			boolean batch = rest.getInteraction().stream()
					.anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
			if (transaction && !batch) {
				rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
			}
			if (!expungeEnabled) {
				rest.getOperation().removeIf(o -> EXPUNGE.equals(o.getName()));
				for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
					resource.getOperation().removeIf(o -> EXPUNGE.equals(o.getName()));
				}
			}
		}
	}
}
