package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.regex.Pattern;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Gives every transaction entry's {@code ifNoneExist} its resource type ({@code target:Task.identifier=…} becomes
 * {@code Provenance?target:Task.identifier=…}) before HAPI processes the Bundle. HAPI 8.8 qualifies an unqualified
 * match URL only when its first parameter is a bare name ({@code BaseTransactionProcessor.UNQUALIFIED_MATCH_URL_START}),
 * so one that starts with a modifier or a chain — the way to make a Provenance, which has no identifier, idempotent —
 * failed its duplicate check with a 500. Registered on the RestfulServer by {@link RestConfig}; applies to batch
 * entries too, which HAPI processes as transactions of one.
 */
@Interceptor(order = InterceptorOrder.PROTOCOL)
final class QualifiedMatchUrls {

	/** What HAPI already qualifies itself: a plain parameter name first. */
	private static final Pattern BARE_FIRST_PARAMETER = Pattern.compile("^[a-zA-Z0-9_-]+=");

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void qualify(IBaseBundle bundle) {
		if (!(bundle instanceof Bundle r4)) {
			return;
		}
		for (Bundle.BundleEntryComponent entry : r4.getEntry()) {
			String ifNoneExist = entry.getRequest().getIfNoneExist();
			if (ifNoneExist == null || ifNoneExist.isBlank() || ifNoneExist.startsWith("?") || ifNoneExist.contains("?")
					|| BARE_FIRST_PARAMETER.matcher(ifNoneExist).find() || !entry.hasResource()) {
				continue;
			}
			entry.getRequest().setIfNoneExist(entry.getResource().fhirType() + "?" + ifNoneExist);
		}
	}
}
