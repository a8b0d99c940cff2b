package org.cwh.deadlines;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import java.util.List;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises the hand at once for what cannot wait for the next sweep: a high-risk screening of a patient with an open
 * handoff (flag and escalation), and a no-show on a referral's Appointment (outreach Task). Once the write that
 * brought it has committed, the affected handoffs are checked as the sweep would ({@link DeadlineSweep#check}), in
 * a transaction of their own, before the response leaves; should that fail, the next sweep finds the same event and
 * raises it then. Registered by {@link DeadlinesConfig}.
 */
@Interceptor
public final class ImmediateEscalation {

	private static final Logger log = LoggerFactory.getLogger(ImmediateEscalation.class);

	private final DeadlineSweep sweep;
	private final IHapiTransactionService transactions;

	ImmediateEscalation(DeadlineSweep sweep, IHapiTransactionService transactions) {
		this.sweep = sweep;
		this.transactions = transactions;
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = InterceptorOrder.DEADLINES)
	public void created(IBaseResource resource) {
		react(resource, null);
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = InterceptorOrder.DEADLINES)
	public void updated(IBaseResource previous, IBaseResource updated) {
		react(updated, previous);
	}

	private void react(IBaseResource resource, IBaseResource previous) {
		if (resource instanceof Observation observation && HandoffReader.isHighRisk(observation)
				&& !(previous instanceof Observation before && HandoffReader.isHighRisk(before))) {
			String patient = HandoffReader.reference(observation.getSubject());
			if (!patient.isEmpty()) {
				afterCommit(() -> sweep.openHandoffs("patient", patient));
			}
		} else if (resource instanceof Appointment appointment && appointment.getStatus() == AppointmentStatus.NOSHOW
				&& !(previous instanceof Appointment before && before.getStatus() == AppointmentStatus.NOSHOW)) {
			List<String> referrals = appointment.getBasedOn().stream().map(HandoffReader::reference)
					.filter(r -> r.startsWith("ServiceRequest/")).toList();
			afterCommit(() -> referrals.stream().flatMap(r -> sweep.openHandoffs("focus", r).stream()).toList());
		}
	}

	private void afterCommit(java.util.function.Supplier<List<Task>> handoffs) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					// A transaction of its own: the committed one's resources are still bound to this thread.
					transactions.withSystemRequest().withPropagation(Propagation.REQUIRES_NEW)
							.execute(() -> handoffs.get().forEach(sweep::check));
				} catch (RuntimeException e) {
					// The sweep finds the same screening or no-show and raises the hand then.
					log.warn("immediate escalation failed, left to the sweep: {}", e.getClass().getName());
				}
			}
		});
	}
}
