package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReusedInstanceValidator} gives, message for message, what HAPI's own {@link FhirInstanceValidator} (a new
 * core InstanceValidator per call) gives, on every IG example, every must-fail fixture and the referral transaction's
 * entries, over more calls than one reused InstanceValidator serves and in an order where every resource follows
 * another. It also prints the CPU time per call of both on the referral transaction's entries (one collection
 * Bundle, as {@link ValidationInOneCall} validates them): the in-process measurement of what reuse saves.
 */
class ReusedInstanceValidatorTest {

	private static final FhirContext ctx = FhirContext.forR4Cached();
	private static FhirValidator hapi;
	private static FhirValidator reused;
	private static ReusedInstanceValidator reusedModule;
	/** Name → resource: examples, fixtures, and the transaction's entries in one collection Bundle. */
	private static final Map<String, IBaseResource> inputs = new LinkedHashMap<>();

	@BeforeAll
	static void validators() {
		PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
		IgFiles.all().values().stream()
				.filter(r -> ProfilePackage.VALIDATION_TYPES.contains(r.fhirType()))
				.forEach(ours::addResource);
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(ours, new DefaultProfileValidationSupport(ctx),
				new SnapshotGeneratingValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
				new InMemoryTerminologyServerValidationSupport(ctx), unknownCodeSystems);
		// Settings as HAPI's JPA server sets them (ValidationSupportConfig), plus one it leaves at its default.
		FhirInstanceValidator plain = new FhirInstanceValidator(chain);
		plain.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
		plain.setAssumeValidRestReferences(true);
		hapi = ctx.newValidator().registerValidatorModule(plain);
		reusedModule = ReusedInstanceValidator.configuredLike(plain);
		reused = ctx.newValidator().registerValidatorModule(reusedModule);

		IgFiles.all().forEach((name, resource) -> {
			if (!IgFiles.CONFORMANCE_TYPES.contains(resource.fhirType())) {
				inputs.put(name, resource);
			}
		});
		IgFiles.Fixture.all().forEach(f -> inputs.put(f.file(), IgFiles.parse(Path.of(f.file()))));
		inputs.put("referral transaction entries", referralEntries());
	}

	@Test
	void reusedGivesHapisMessagesOnEveryInput() {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		inputs.forEach((name, resource) -> expected.put(name, messages(hapi, resource)));
		int calls = 0;
		while (calls <= 2 * ReusedInstanceValidator.USES) {
			for (Map.Entry<String, IBaseResource> input : inputs.entrySet()) {
				assertEquals(expected.get(input.getKey()), messages(reused, input.getValue()), input.getKey());
				calls++;
			}
		}
		assertTrue(expected.values().stream().anyMatch(m -> m.stream().anyMatch(s -> s.startsWith("ERROR"))),
				"no input drew an error: the fixtures did not load");
	}

	/**
	 * Core's CodingsObserver would keep every coding a reused validator meets, with the parsed resource it was met
	 * in, until the validator is dropped; after each call the list is empty. Fails on a core whose observer the
	 * reused validator can no longer find (-1), so an upgrade does not silently bring the growth back.
	 */
	@Test
	void aReusedValidatorKeepsNoCodingsBetweenCalls() {
		IBaseResource entries = inputs.get("referral transaction entries");
		for (int i = 0; i < 3; i++) {
			reused.validateWithResult(entries);
		}
		assertEquals(0, reusedModule.codingsHeldByIdleValidators());
	}

	@Test
	void printsTheCpuTimePerCallOfBoth() {
		IBaseResource entries = inputs.get("referral transaction entries");
		double hapiMs = cpuMillisPerCall(hapi, entries);
		double reusedMs = cpuMillisPerCall(reused, entries);
		System.out.printf("referral transaction entries, CPU per validation: HAPI's FhirInstanceValidator %.1f ms, "
				+ "ReusedInstanceValidator %.1f ms%n", hapiMs, reusedMs);
		assertEquals(messages(hapi, entries), messages(reused, entries));
	}

	/** Thread CPU time, so that other work on a busy machine counts less than it would in wall time. */
	private static double cpuMillisPerCall(FhirValidator validator, IBaseResource resource) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 30; i++) {
			validator.validateWithResult(resource);
		}
		int calls = 60;
		long started = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < calls; i++) {
			validator.validateWithResult(resource);
		}
		return (threads.getCurrentThreadCpuTime() - started) / 1e6 / calls;
	}

	private static List<String> messages(FhirValidator validator, IBaseResource resource) {
		List<String> messages = new ArrayList<>();
		for (SingleValidationMessage m : validator.validateWithResult(resource).getMessages()) {
			messages.add(m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage());
		}
		return messages;
	}

	/** The referral transaction's entries in a collection Bundle, as ValidationInOneCall wraps them. */
	private static Bundle referralEntries() {
		Bundle transaction = (Bundle) IgFiles.parse(IgFiles.PROFILES.resolve(IgFiles.TRANSACTION_EXAMPLE));
		Bundle together = new Bundle().setType(Bundle.BundleType.COLLECTION);
		for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
			together.addEntry().setFullUrl(entry.getFullUrl()).setResource((Resource) entry.getResource().copy());
		}
		return together;
	}
}
