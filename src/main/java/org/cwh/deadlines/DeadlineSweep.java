package org.cwh.deadlines;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cwh.deadlines.DeadlineCalculator.Deadline;
import org.cwh.deadlines.Escalations.Reason;
import org.cwh.deadlines.HandoffReader.Snapshot;
import org.cwh.profiles.Canonical;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the handoffs whose deadlines passed and raises each hand once ({@link Escalations}): on its own timer every
 * {@code cwh.deadlines.sweep-every} on every node (the claims in the database make two nodes act once), and on
 * demand through {@link #sweep()}. {@link #check(Task)} looks at one handoff, which is what the hooks do at once when
 * a high-risk screening or a no-show arrives. Started and stopped by {@link DeadlinesConfig}.
 */
public final class DeadlineSweep implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	static final String TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
	static final List<String> OPEN_STATUSES = List.of("requested", "received", "accepted", "in-progress", "on-hold");
	private static final int PAGE = 200;
	private static final String NUCC = "http://nucc.org/provider-taxonomy";
	private static final String PEER_SPECIALIST = "175T00000X";
	private static final String SERVICE_CATEGORY = Canonical.base() + "/CodeSystem/cwh-service-category";
	private static final String REFERRAL_CATEGORY = Canonical.base() + "/CodeSystem/cwh-referral-category";

	private final DaoRegistry daos;
	private final DeadlineCalculator calculator;
	private final HandoffReader reader;
	private final Escalations escalations;
	private final Clock clock;
	private final DeadlinesSettings settings;
	private ScheduledExecutorService timer;

	DeadlineSweep(DaoRegistry daos, DeadlineCalculator calculator, HandoffReader reader, Escalations escalations,
			Clock clock, DeadlinesSettings settings) {
		this.daos = daos;
		this.calculator = calculator;
		this.reader = reader;
		this.escalations = escalations;
		this.clock = clock;
		this.settings = settings;
	}

	/** Starts this node's timer unless {@code cwh.deadlines.sweep-every} is off. */
	void start() {
		if (!settings.sweepOnTimer()) {
			log.info("deadline sweep timer off on this node");
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "cwh-deadline-sweep");
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.sweepEvery().toMillis();
		timer.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	private void sweepLogged() {
		try {
			sweep();
		} catch (RuntimeException e) {
			// The next run tries again; a claim rolled back with its writes is claimed again then.
			log.warn("deadline sweep failed: {}", e.getClass().getName());
		}
	}

	/** Looks at every open handoff now and raises each missed hand once; returns how many this call raised. */
	public int sweep() {
		SearchParameterMap map = new SearchParameterMap();
		map.add("code", new TokenParam(TASK_CODE_SYSTEM, "fulfill"));
		TokenOrListParam statuses = new TokenOrListParam();
		OPEN_STATUSES.forEach(statuses::add);
		map.add("status", statuses);
		IBundleProvider found = daos.getResourceDao(Task.class).search(map, new SystemRequestDetails());
		// Page by page: at tens of thousands of open handoffs the whole list would not fit a small heap.
		int raised = 0;
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = found.getResources(from, from + PAGE);
			if (page.isEmpty()) {
				return raised;
			}
			for (IBaseResource resource : page) {
				Task task = (Task) resource;
				try {
					raised += check(task);
				} catch (RuntimeException e) {
					log.warn("deadline check of Task/{} failed: {}", task.getIdElement().getIdPart(),
							e.getClass().getName());
				}
			}
		}
	}

	/** Raises the missed hands of one open handoff Task; returns how many this call raised. */
	public int check(Task task) {
		if (!DeadlineCalculator.isOpen(task.getStatus())) {
			return 0;
		}
		Snapshot snapshot = reader.read(task);
		Instant now = clock.instant();
		int raised = 0;
		for (Deadline missed : calculator.missed(snapshot.facts(), now)) {
			if (escalations.escalate(task, missed.step().code(), missed.due().toString(), reason(missed))) {
				raised++;
			}
		}
		for (String observation : snapshot.highRisk()) {
			if (escalations.escalate(task, "high-risk", observation, Reason.HIGH_RISK)) {
				raised++;
			}
		}
		for (String appointment : snapshot.noShows()) {
			if (escalations.outreach(task, appointment, outreachOwner(task, snapshot.referral()))) {
				raised++;
			}
		}
		return raised;
	}

	private static Reason reason(Deadline deadline) {
		return switch (deadline.step()) {
			case ACCEPT -> Reason.HANDOFF_OVERDUE;
			case FIRST_CONTACT -> Reason.FIRST_CONTACT_OVERDUE;
			case FIRST_VISIT -> Reason.FIRST_VISIT_MISSED;
		};
	}

	/**
	 * Who reaches out after a no-show: the peer-support organization the referral names (a performer that is a peer
	 * support or recovery coaching HealthcareService, a peer specialist's PractitionerRole, or the Organization of a
	 * referral categorised peer support), else the referrer (the handoff's requester).
	 */
	String outreachOwner(Task task, Optional<ServiceRequest> referral) {
		SystemRequestDetails server = new SystemRequestDetails();
		for (Reference performer : referral.map(ServiceRequest::getPerformer).orElse(List.of())) {
			String target = HandoffReader.reference(performer);
			try {
				if (target.startsWith("HealthcareService/")) {
					HealthcareService service = daos.getResourceDao(HealthcareService.class)
							.read(new IdType(target), server);
					boolean peer = service.getCategory().stream()
							.anyMatch(c -> c.hasCoding(SERVICE_CATEGORY, "peer-support")
									|| c.hasCoding(SERVICE_CATEGORY, "recovery-coaching"));
					if (peer && service.getProvidedBy().hasReference()) {
						return HandoffReader.reference(service.getProvidedBy());
					}
				} else if (target.startsWith("PractitionerRole/")) {
					PractitionerRole role = daos.getResourceDao(PractitionerRole.class).read(new IdType(target), server);
					boolean peer = role.getCode().stream().anyMatch(c -> c.hasCoding(NUCC, PEER_SPECIALIST));
					if (peer && role.getOrganization().hasReference()) {
						return HandoffReader.reference(role.getOrganization());
					}
				} else if (target.startsWith("Organization/") && referral.get().getCategory().stream()
						.anyMatch(c -> c.hasCoding(REFERRAL_CATEGORY, "peer-support"))) {
					return target;
				}
			} catch (ResourceNotFoundException e) {
				// A performer that is gone names nobody; look at the next one.
			}
		}
		return HandoffReader.reference(task.getRequester());
	}

	/** The open handoffs of a patient ({@code Patient/1}) or of a referral ({@code ServiceRequest/1}). */
	List<Task> openHandoffs(String parameter, String target) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(target));
		map.add("code", new TokenParam(TASK_CODE_SYSTEM, "fulfill"));
		TokenOrListParam statuses = new TokenOrListParam();
		OPEN_STATUSES.forEach(statuses::add);
		map.add("status", statuses);
		List<Task> tasks = new ArrayList<>();
		daos.getResourceDao(Task.class).search(map, new SystemRequestDetails()).getAllResources()
				.forEach(r -> tasks.add((Task) r));
		return tasks;
	}
}
