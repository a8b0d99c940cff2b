package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.ExtensionUtil;
import ca.uhn.fhir.util.HapiExtensions;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * Holds every stored resource that claims a CWH profile to that profile: on create, update, the result of a PATCH,
 * and each entry of a transaction or batch, because it hooks HAPI's storage pointcuts on the JPA interceptor service
 * rather than the REST layer. The checking is HAPI's own: the JPA server's {@code IInstanceValidatorModule} (bean
 * {@code myInstanceValidator}, a {@code FhirInstanceValidator} over the JPA validation chain), the very module
 * {@code $validate} runs, so a write and {@code $validate} give the same verdict and warm the same caches. Any error
 * rejects the write (as HAPI's {@code RepositoryValidatingRuleBuilder.requireValidationToDeclaredProfiles()} rule
 * does); this class turns it into a 422 whose OperationOutcome lists the errors, each with its {@code expression}.
 * Resources that claim no CWH profile are left alone (plain R4 traffic is not validated), unless their type is named
 * in {@code cwh.profiles.required-types}: those must claim one of our profiles. Registered by {@link ProfilesConfig}.
 */
@Interceptor
final class ProfileEnforcer {

	private final FhirContext ctx;
	private final Map<String, List<String>> profilesByType;
	private final Set<String> requiredTypes;
	/**
	 * HAPI's JPA instance validator, shared with {@code $validate}. One instance: each FhirInstanceValidator keeps its
	 * own converted StructureDefinitions and snapshots, which take seconds to build, and this one shares them with the
	 * JPA snapshot generator.
	 */
	private final IInstanceValidatorModule validatorModule;
	private final FhirValidator validator;
	private final CompletableFuture<Void> warm = new CompletableFuture<>();
	private volatile boolean warming;

	ProfileEnforcer(FhirContext ctx, IInstanceValidatorModule validatorModule,
			Map<String, List<String>> profilesByType, Set<String> requiredTypes) {
		this.ctx = ctx;
		this.profilesByType = Map.copyOf(profilesByType);
		this.requiredTypes = Set.copyOf(requiredTypes);
		this.validatorModule = validatorModule;
		// FhirValidator holds only its modules; validateWithResult keeps its state per call, so threads share it.
		this.validator = ctx.newValidator().registerValidatorModule(validatorModule);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.PROFILES)
	public void created(IBaseResource resource, RequestDetails request) {
		check(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.PROFILES)
	public void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
		check(updated);
	}

	/** The module this enforcer validates with; {@code $validate} uses the same (a test holds them together). */
	IInstanceValidatorModule validatorModule() {
		return validatorModule;
	}

	private void check(IBaseResource resource) {
		// Placeholders HAPI creates for reference targets carry no content to check (they are off here anyway).
		if (ExtensionUtil.hasExtension(resource, HapiExtensions.EXT_RESOURCE_PLACEHOLDER)) {
			return;
		}
		String type = ctx.getResourceType(resource);
		boolean claimsOurs = resource.getMeta().getProfile().stream()
				.map(IPrimitiveType::getValueAsString)
				.anyMatch(Canonical::isOurs);
		if (!claimsOurs) {
			if (requiredTypes.contains(type)) {
				throw missingProfile(type);
			}
			return;
		}
		// Wait for the warm-up rather than build the same snapshots and caches beside it (seconds on two cores);
		// a process that never started one (no context refresh) simply validates.
		if (warming) {
			warm.join();
		}
		ValidationResult result = validator.validateWithResult(resource);
		if (!result.isSuccessful()) {
			throw rejected(type, (OperationOutcome) result.toOperationOutcome());
		}
	}

	/** From now on, validated writes wait for {@link #warmUp}; call before starting it on its thread. */
	void expectWarmUp() {
		warming = true;
	}

	/**
	 * Validates each example (or, for a profile without one, an empty instance claiming it), then lets writes through.
	 * This warms {@code $validate} too: it is the same module.
	 */
	void warmUp(List<IBaseResource> examples) {
		try {
			profilesByType.forEach((type, urls) -> urls.forEach(url -> {
				IBaseResource instance = examples.stream()
						.filter(e -> e.getMeta().getProfile().stream().anyMatch(p -> url.equals(p.getValue())))
						.findFirst()
						.orElseGet(() -> {
							IBaseResource empty = ctx.getResourceDefinition(type).newInstance();
							empty.getMeta().addProfile(url);
							return empty;
						});
				validator.validateWithResult(instance);
			}));
		} finally {
			warm.complete(null);
		}
	}

	private UnprocessableEntityException missingProfile(String type) {
		List<String> ours = profilesByType.getOrDefault(type, List.of());
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.REQUIRED)
				.setDiagnostics(type + " resources must claim a CWH profile: add "
						+ (ours.isEmpty() ? "one under " + Canonical.base() : String.join(" or ", ours))
						+ " to meta.profile")
				.addExpression(type + ".meta.profile");
		return new UnprocessableEntityException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
	}

	/** A 422 carrying only the issues that made the write fail, so the client sees what to fix first. */
	private static UnprocessableEntityException rejected(String type, OperationOutcome validation) {
		OperationOutcome outcome = new OperationOutcome();
		if (validation != null) {
			for (OperationOutcomeIssueComponent issue : validation.getIssue()) {
				if (issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL) {
					outcome.addIssue(issue.copy());
				}
			}
		}
		if (outcome.getIssue().isEmpty()) {
			outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING)
					.setDiagnostics("validation failed without an error issue").addExpression(type);
		}
		String first = outcome.getIssueFirstRep().getDiagnostics();
		int more = outcome.getIssue().size() - 1;
		return new UnprocessableEntityException(type + " does not conform to the CWH profile it claims: " + first
				+ (more > 0 ? " (and " + more + " more issue" + (more > 1 ? "s" : "") + ")" : ""), outcome);
	}
}
