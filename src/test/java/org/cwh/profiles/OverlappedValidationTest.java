package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cwh.config.ConnectionPools;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OverlappedValidation}: validations run on its threads, which take their connections from the side pool,
 * and give each entry its own errors; it declines when its queue is full, runs a validation no thread has begun in
 * the asking thread, and reports a failed one as null so the caller validates again. The validator module here is a
 * real one that only records where it ran and can be held or made to fail.
 */
class OverlappedValidationTest {

	private static final FhirContext ctx = FhirContext.forR4Cached();
	private final RecordingModule module = new RecordingModule();
	private OverlappedValidation overlapped;

	@AfterEach
	void close() {
		module.hold.countDown();
		overlapped.close();
	}

	@Test
	void validatesOnItsOwnThreadAndGivesEachEntryItsErrors() throws InterruptedException {
		overlapped = overlapping(1);
		module.held = true;
		OverlappedValidation.Pending pending = overlapped.start(entries("ok", "broken", "ok"));
		assertNotNull(pending);
		// Asked before a pool thread began, the validation would run here instead: wait until one has.
		assertTrue(module.started.await(30, TimeUnit.SECONDS));
		module.hold.countDown();
		List<OperationOutcome> outcomes = pending.await();
		assertEquals(List.of(0, 1, 0), outcomes.stream().map(o -> o.getIssue().size()).toList());
		assertEquals("Patient.name[0].family", outcomes.get(1).getIssueFirstRep().getExpression().get(0).getValue());
		assertTrue(module.threads.get(0).startsWith("cwh-validate-"), module.threads.toString());
		assertEquals(List.of(true), module.onSidePool);
		assertEquals(1, overlapped.besideWrites());
	}

	@Test
	void declinesWhenItsQueueIsFull() throws InterruptedException {
		overlapped = overlapping(1);
		module.held = true;
		List<OverlappedValidation.Pending> started = new ArrayList<>();
		started.add(overlapped.start(entries("ok", "ok")));
		assertTrue(module.started.await(30, TimeUnit.SECONDS));
		// One thread busy, four waiting in the queue: the sixth is declined and validated by its own request.
		for (int i = 0; i < 4; i++) {
			started.add(overlapped.start(entries("ok", "ok")));
		}
		started.forEach(org.junit.jupiter.api.Assertions::assertNotNull);
		assertNull(overlapped.start(entries("ok", "ok")));
		module.hold.countDown();
		started.forEach(p -> assertEquals(2, p.await().size()));
	}

	@Test
	void aValidationNoThreadHasBegunRunsInTheAskingThread() throws InterruptedException {
		overlapped = overlapping(1);
		module.held = true;
		OverlappedValidation.Pending blocking = overlapped.start(entries("ok", "ok"));
		assertTrue(module.started.await(30, TimeUnit.SECONDS));
		module.held = false;
		OverlappedValidation.Pending queued = overlapped.start(entries("broken", "ok"));
		assertNotNull(queued);
		assertEquals(1, queued.await().get(0).getIssue().size());
		assertEquals(Thread.currentThread().getName(), module.threads.get(module.threads.size() - 1));
		module.hold.countDown();
		assertEquals(2, blocking.await().size());
	}

	@Test
	void aFailedValidationIsNullSoTheCallerValidatesAgain() {
		overlapped = overlapping(1);
		module.fail = true;
		OverlappedValidation.Pending pending = overlapped.start(entries("ok", "ok"));
		assertNull(pending.await());
	}

	private OverlappedValidation overlapping(int threads) {
		return new OverlappedValidation(
				new ValidationInOneCall(ctx.newValidator().registerValidatorModule(module)), threads);
	}

	/** Patients; a "broken" one lacks the family name the module requires. */
	private static List<Resource> entries(String... kinds) {
		List<Resource> entries = new ArrayList<>();
		for (String kind : kinds) {
			Patient patient = new Patient();
			patient.addName().setFamily("ok".equals(kind) ? "Okafor" : null).addGiven("Ada");
			entries.add(patient);
		}
		return entries;
	}

	/**
	 * Requires every Patient entry of the validated Bundle to have a family name, reporting at the path the core
	 * validator would ({@code Bundle.entry[i].resource/*Patient/null*}/.name[0].family); records the thread it ran on.
	 */
	private static final class RecordingModule implements IValidatorModule {

		final List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
		final List<Boolean> onSidePool = java.util.Collections.synchronizedList(new ArrayList<>());
		final CountDownLatch started = new CountDownLatch(1);
		final CountDownLatch hold = new CountDownLatch(1);
		volatile boolean held;
		volatile boolean fail;

		@Override
		public void validateResource(IValidationContext<IBaseResource> context) {
			threads.add(Thread.currentThread().getName());
			onSidePool.add(ConnectionPools.isSideThread());
			started.countDown();
			if (held) {
				try {
					hold.await(60, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			if (fail) {
				throw new IllegalStateException("terminology lookup failed");
			}
			org.hl7.fhir.r4.model.Bundle bundle = (org.hl7.fhir.r4.model.Bundle) context.getResource();
			for (int i = 0; i < bundle.getEntry().size(); i++) {
				Patient patient = (Patient) bundle.getEntry().get(i).getResource();
				if (!patient.getNameFirstRep().hasFamily()) {
					SingleValidationMessage m = new SingleValidationMessage();
					m.setSeverity(ResultSeverityEnum.ERROR);
					m.setMessage("Patient.name.family: minimum required = 1");
					m.setLocationString("Bundle.entry[" + i + "].resource/*Patient/null*/.name[0].family");
					context.addValidationMessage(m);
				}
			}
		}
	}
}
