package org.cwh.deadlines;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Clock;
import java.util.Date;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Flag.FlagStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * When a handoff ends (completed, or otherwise terminal: failed, rejected, cancelled, entered in error), its open
 * Flags are resolved: status {@code inactive}, {@code period.end} now, in the same transaction as the Task's change.
 * A Flag belongs to the handoff its {@code cwh-flagged-handoff} extension names. The escalation Tasks stay: they are
 * the referrer's to close. Registered by {@link DeadlinesConfig}.
 */
@Interceptor
public final class FlagResolver {

	private final DaoRegistry daos;
	private final Clock clock;

	FlagResolver(DaoRegistry daos, Clock clock) {
		this.daos = daos;
		this.clock = clock;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.DEADLINES)
	public void handoffEnded(IBaseResource previous, IBaseResource updated) {
		if (!(previous instanceof Task before) || !(updated instanceof Task after)
				|| !after.getCode().hasCoding(DeadlineSweep.TASK_CODE_SYSTEM, "fulfill")
				|| !DeadlineCalculator.isOpen(before.getStatus()) || DeadlineCalculator.isOpen(after.getStatus())) {
			return;
		}
		String patient = HandoffReader.reference(after.getFor());
		if (patient.isEmpty()) {
			return;
		}
		String handoff = "Task/" + after.getIdElement().getIdPart();
		SystemRequestDetails server = new SystemRequestDetails();
		IFhirResourceDao<Flag> flags = daos.getResourceDao(Flag.class);
		// R4 has no Flag status search parameter: read the patient's Flags and keep the active ones of this handoff.
		SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient));
		for (IBaseResource found : flags.search(map, server).getAllResources()) {
			Flag flag = (Flag) found;
			if (flag.getStatus() == FlagStatus.ACTIVE && handoff.equals(HandoffReader.reference(flaggedHandoff(flag)))) {
				flag.setStatus(FlagStatus.INACTIVE);
				flag.getPeriod().setEnd(Date.from(clock.instant()));
				flags.update(flag, server);
			}
		}
	}

	private static Reference flaggedHandoff(Flag flag) {
		var extension = flag.getExtensionByUrl(Escalations.FLAGGED_HANDOFF);
		return extension != null && extension.getValue() instanceof Reference r ? r : null;
	}
}
