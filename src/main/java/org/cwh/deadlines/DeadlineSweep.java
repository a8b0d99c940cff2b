package org.cwh.deadlines;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cwh.deadlines.DeadlineCalculator.Deadline;
import org.cwh.deadlines.DueIndex.Due;
import org.cwh.deadlines.Escalations.Reason;
import org.cwh.deadlines.HandoffReader.Snapshot;
import org.cwh.profiles.Canonical;
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
 * demand through {@link #sweep()}. A sweep reads only the handoffs that are due in {@link DueIndex} (a deadline of
 * theirs has come, or a write changed their facts), so its cost follows what happens, not how many handoffs are
 * open. {@link #check(Task)} looks at one handoff, which is what the hooks do at once when a high-risk screening or
 * a no-show arrives. Started and stopped by {@link DeadlinesConfig}.
 */
public final class DeadlineSweep implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	static final String TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
	static final List<String> OPEN_STATUSES = List.of("requested", "received", "accepted", "in-progress", "on-hold");
	/** Due handoffs leased at a time: each is read and checked before the next lease. */
	private static final int PAGE = 100;
	/** How long a leased page is this node's: longer than a page's checks take, short enough after a crash. */
	private static final Duration LEASE = Duration.ofMinutes(5);
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
	private final DueIndex index;
	private ScheduledExecutorService timer;

	DeadlineSweep(DaoRegistry daos, DeadlineCalculator calculator, HandoffReader reader, Escalations escalations,
			Clock clock, DeadlinesSettings settings, DueIndex index) {
		this.daos = daos;
		this.index = index;
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
			// The next run tries again: a claim rolled back with its writes is claimed again then, and the handoffs
			// this run had leased come due again when their lease ends.
			log.warn("deadline sweep failed: {}", e.getClass().getName());
		}
	}

	/**
	 * What one sweep did.
	 *
	 * @param looked the handoffs it read (the due ones)
	 * @param raised the hands it raised
	 * @param failed the handoffs whose check failed; each is tried again later ({@link NextCheck#retry})
	 */
	public record Swept(int looked, int raised, int failed) {}

	/**
	 * Checks every handoff due now in {@link DueIndex}, page by page, oldest first, and stores when each is next due
	 * (or drops it once it is no longer open). A failing handoff does not stop the others: it is tried again later
	 * and later while it keeps failing.
	 */
	public Swept sweep() {
		// Rows that come due while this runs wait for the next sweep: one sweep ends even under a stream of writes.
		Instant now = clock.instant();
		int looked = 0;
		int raised = 0;
		int failed = 0;
		for (List<Due> page = lease(now); !page.isEmpty(); page = lease(now)) {
			for (Due due : page) {
				looked++;
				try {
					raised += look(due);
				} catch (RuntimeException e) {
					failed++;
					index.failed(due, NextCheck.retry(due.failures() + 1, clock.instant()));
					log.warn("deadline check of Task/{} failed ({} in a row): {}", due.taskId(), due.failures() + 1,
							e.getClass().getName());
				}
			}
		}
		if (raised > 0 || failed > 0) {
			log.info("deadline sweep: read {} due handoffs, raised {} hands, {} checks failed", looked, raised, failed);
		}
		return new Swept(looked, raised, failed);
	}

	private List<Due> lease(Instant now) {
		return index.lease(now, clock.instant().plus(LEASE), PAGE);
	}

	/** Checks one due handoff and plans its next look; a Task that is gone or closed leaves the index. */
	private int look(Due due) {
		Task task;
		try {
			task = daos.getResourceDao(Task.class).read(new IdType("Task", due.taskId()), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			index.forget(due);
			return 0;
		}
		if (!DueMarker.isOpenHandoff(task)) {
			index.forget(due);
			return 0;
		}
		Checked checked = inspect(task);
		index.checked(due, checked.next());
		return checked.raised();
	}

	/** Raises the missed hands of one open handoff Task; returns how many this call raised. */
	public int check(Task task) {
		return inspect(task).raised();
	}

	/**
	 * What a check of one handoff did: the hands it raised, and when the handoff can next need one without a write
	 * ({@link NextCheck#after}; empty when it cannot).
	 */
	record Checked(int raised, Optional<Instant> next) {}

	Checked inspect(Task task) {
		if (!DeadlineCalculator.isOpen(task.getStatus())) {
			return new Checked(0, Optional.empty());
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
		return new Checked(raised, NextCheck.after(calculator.open(snapshot.facts()), now));
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
