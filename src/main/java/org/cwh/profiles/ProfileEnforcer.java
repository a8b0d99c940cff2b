package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.ExtensionUtil;
import ca.uhn.fhir.util.HapiExtensions;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cwh.config.InterceptorOrder;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Holds every stored resource that claims a CWH profile to that profile: on create, update, the result of a PATCH,
 * and each entry of a transaction or batch, because it hooks HAPI's storage pointcuts on the JPA interceptor service
 * rather than the REST layer. The checking is HAPI's own: the server's {@code IInstanceValidatorModule} (HAPI's JPA
 * {@code FhirInstanceValidator} over the JPA validation chain, reusing core's validators: {@link ReusedInstanceValidator}),
 * the very module {@code $validate} runs, so a write and {@code $validate} give the same verdict and warm the same caches. Any error
 * rejects the write (as HAPI's {@code RepositoryValidatingRuleBuilder.requireValidationToDeclaredProfiles()} rule
 * does); this class turns it into a 422 whose OperationOutcome lists the errors, each with its {@code expression}.
 * Inside a FHIR transaction the entries are collected while HAPI writes them and validated together in one call
 * ({@link ValidationInOneCall}) when HAPI has processed the last one, still inside the database transaction, so one
 * refused entry rolls all of them back. That validation starts before HAPI writes the first entry, on copies of
 * what the client sent, and runs on another core beside the write ({@link #transactionProcessing},
 * {@link OverlappedValidation}); the transaction waits for its verdict before it commits. Resources that claim no
 * CWH profile are left alone (plain R4 traffic is not validated), unless their type is named in {@code cwh.profiles.required-types}: those must claim one of our
 * profiles. Registered by {@link ProfilesConfig}.
 */
@Interceptor
final class ProfileEnforcer implements AutoCloseable {

	private final FhirContext ctx;
	private final Map<String, List<String>> profilesByType;
	private final Set<String> requiredTypes;
	/**
	 * The server's instance validator, shared with {@code $validate}. One instance: each FhirInstanceValidator keeps its
	 * own converted StructureDefinitions and snapshots, which take seconds to build, and this one shares them with the
	 * JPA snapshot generator.
	 */
	private final IInstanceValidatorModule validatorModule;
	private final FhirValidator validator;
	private final ValidationInOneCall validation;
	/** TransactionDetails user data: the resources of the running transaction that wait for validation. */
	private static final String COLLECTED = ProfileEnforcer.class.getName() + ".collected";
	/** Resource user data on a transaction entry whose validation already runs beside the write: its {@link Early}. */
	private static final String EARLY = ProfileEnforcer.class.getName() + ".early";
	private final OverlappedValidation overlapped;

	private final CompletableFuture<Void> warm = new CompletableFuture<>();
	private volatile boolean warming;

	/** @param overlapThreads threads validating transactions beside their writes ({@link OverlappedValidation}) */
	ProfileEnforcer(FhirContext ctx, IInstanceValidatorModule validatorModule,
			Map<String, List<String>> profilesByType, Set<String> requiredTypes, int overlapThreads) {
		this.ctx = ctx;
		this.profilesByType = Map.copyOf(profilesByType);
		this.requiredTypes = Set.copyOf(requiredTypes);
		this.validatorModule = validatorModule;
		// FhirValidator holds only its modules; validateWithResult keeps its state per call, so threads share it.
		this.validator = ctx.newValidator().registerValidatorModule(validatorModule);
		this.validation = new ValidationInOneCall(validator);
		this.overlapped = new OverlappedValidation(validation, overlapThreads);
	}

	/**
	 * A transaction is about to be processed, and HAPI has not touched its entries yet: start validating copies of
	 * the entries that claim a CWH profile on another core ({@link OverlappedValidation}). Each is marked with its
	 * place; {@link #transactionProcessed} takes its verdict from there instead of validating the stored form again.
	 * A copy is what the client sent with its references to other entries ({@code urn:uuid:…}) given the shape HAPI
	 * stores them in ({@code Patient/…}), so it is checked as the stored resource would be, alone, and entries that
	 * claim no profile cost nothing. An entry with a conditional reference ({@code Patient?identifier=…}), which
	 * only HAPI can resolve, is validated the usual way, stored.
	 */
	@Hook(value = Pointcut.STORAGE_TRANSACTION_PROCESSING, order = InterceptorOrder.PROFILES)
	public void transactionProcessing(IBaseBundle bundle) {
		if (!(bundle instanceof Bundle transaction) || transaction.getType() != Bundle.BundleType.TRANSACTION
				|| (warming && !warm.isDone())) {
			return;
		}
		// Each local full URL stands for "Type/id" once HAPI has stored the entry.
		Map<String, String> storedShape = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
			String fullUrl = entry.getFullUrl();
			if (entry.hasResource() && fullUrl != null
					&& (fullUrl.startsWith("urn:uuid:") || fullUrl.startsWith("urn:oid:"))) {
				storedShape.putIfAbsent(fullUrl, entry.getResource().fhirType() + "/cwh-entry-" + storedShape.size());
			}
		}
		List<Resource> originals = new ArrayList<>();
		List<Resource> copies = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
			Bundle.HTTPVerb method = entry.getRequest().getMethod();
			if (!entry.hasResource() || (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT)
					|| !claimsOurs(entry.getResource())) {
				continue;
			}
			Resource copy = entry.getResource().copy();
			if (asStored(copy, storedShape)) {
				originals.add(entry.getResource());
				copies.add(copy);
			}
		}
		if (copies.isEmpty()) {
			return;
		}
		OverlappedValidation.Pending pending = overlapped.start(copies);
		if (pending != null) {
			for (int index = 0; index < originals.size(); index++) {
				Resource original = originals.get(index);
				original.setUserData(EARLY, new Early(original, pending, index));
			}
		}
	}

	/** Transactions whose validation ran beside their write ({@link OverlappedValidation#besideWrites}). */
	long validatedBesideWrites() {
		return overlapped.besideWrites();
	}

	@Override
	public void close() {
		overlapped.close();
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = InterceptorOrder.PROFILES)
	public void created(IBaseResource resource, TransactionDetails transaction) {
		check(resource, transaction);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = InterceptorOrder.PROFILES)
	public void updated(IBaseResource previous, IBaseResource updated, TransactionDetails transaction) {
		check(updated, transaction);
	}

	/**
	 * HAPI has written every entry of a transaction (a batch entry is a transaction of one) and has not committed:
	 * validate what {@link #check} collected, all in one call.
	 */
	@Hook(value = Pointcut.STORAGE_TRANSACTION_PROCESSED, order = InterceptorOrder.PROFILES)
	public void transactionProcessed(TransactionDetails transaction) {
		List<IBaseResource> collected = transaction.getUserData(COLLECTED);
		if (collected != null) {
			transaction.putUserData(COLLECTED, null);
			validate(collected);
		}
	}

	/** A transaction entry validated beside the write: the resource HAPI stores, and where its verdict comes from. */
	private record Early(IBaseResource resource, OverlappedValidation.Pending pending, int index) {

		/** The Early of a resource {@link #transactionProcessing} marked, or null. */
		static Early of(IBaseResource resource) {
			// A copy of a marked resource carries the mark too; only the marked object itself is covered.
			return resource instanceof Resource r && r.getUserData(EARLY) instanceof Early early
					&& early.resource() == resource ? early : null;
		}
	}

	/** The module this enforcer validates with; {@code $validate} uses the same (a test holds them together). */
	IInstanceValidatorModule validatorModule() {
		return validatorModule;
	}

	private void check(IBaseResource resource, TransactionDetails transaction) {
		// Placeholders HAPI creates for reference targets carry no content to check (they are off here anyway).
		if (ExtensionUtil.hasExtension(resource, HapiExtensions.EXT_RESOURCE_PLACEHOLDER)) {
			return;
		}
		String type = ctx.getResourceType(resource);
		if (!claimsOurs(resource)) {
			if (requiredTypes.contains(type)) {
				throw missingProfile(type);
			}
			return;
		}
		// HAPI opens this window in BaseTransactionProcessor.doTransactionWriteOperations only, and closes it right
		// before STORAGE_TRANSACTION_PROCESSED; a write outside it (a plain create, an interceptor's own write) is
		// validated at once.
		if (transaction != null
				&& transaction.isAcceptingDeferredInterceptorBroadcasts(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)) {
			List<IBaseResource> collected = transaction.getOrCreateUserData(COLLECTED, ArrayList::new);
			// HAPI may hand the same entry over twice (its update after resolving the bundle's references).
			if (collected.stream().noneMatch(r -> r == resource)) {
				collected.add(resource);
			}
			return;
		}
		validate(List.of(resource));
	}

	private static boolean claimsOurs(IBaseResource resource) {
		return resource.getMeta().getProfile().stream()
				.map(IPrimitiveType::getValueAsString)
				.anyMatch(Canonical::isOurs);
	}

	/**
	 * Gives the copy's references to other entries the shape they will have stored, and unlinks all references from
	 * the objects HAPI's parser attached (the other entries, which have no id yet: encoding the copy would contain
	 * them); false when one of them is conditional ({@code Patient?identifier=…}), which only HAPI can resolve.
	 */
	private boolean asStored(IBaseResource copy, Map<String, String> storedShape) {
		for (ResourceReferenceInfo info : ctx.newTerser().getAllResourceReferences(copy)) {
			IBaseReference reference = info.getResourceReference();
			String value = reference.getReferenceElement().getValue();
			if (value != null && !value.isEmpty()) {
				if (value.indexOf('?') >= 0) {
					return false;
				}
				reference.setResource(null);
				String stored = storedShape.get(value);
				if (stored != null) {
					reference.setReference(stored);
				}
			}
		}
		return true;
	}

	/**
	 * Validates the resources, taking the verdicts of those validated beside the write from there, and refuses the
	 * write with the errors of all of them.
	 */
	private void validate(List<IBaseResource> resources) {
		List<OperationOutcome> outcomes = new ArrayList<>(Collections.nCopies(resources.size(), null));
		List<Integer> rest = new ArrayList<>();
		for (int i = 0; i < resources.size(); i++) {
			Early early = Early.of(resources.get(i));
			List<OperationOutcome> verdicts = early == null ? null : early.pending().await();
			if (verdicts == null) {
				rest.add(i);
			} else {
				outcomes.set(i, verdicts.get(early.index()));
			}
			if (early != null) {
				((Resource) resources.get(i)).setUserData(EARLY, null);
			}
		}
		if (!rest.isEmpty()) {
			List<OperationOutcome> checked = validation.errorsOf(rest.stream().map(resources::get).toList());
			for (int i = 0; i < rest.size(); i++) {
				outcomes.set(rest.get(i), checked.get(i));
			}
		}
		OperationOutcome errors = new OperationOutcome();
		String firstType = null;
		for (int i = 0; i < resources.size(); i++) {
			if (!outcomes.get(i).getIssue().isEmpty()) {
				firstType = firstType == null ? ctx.getResourceType(resources.get(i)) : firstType;
				outcomes.get(i).getIssue().forEach(errors::addIssue);
			}
		}
		if (firstType != null) {
			throw rejected(firstType, errors);
		}
	}

	/** From now on, REST writes wait for {@link #warmUp} ({@link #awaitWarmUp}); call before starting it. */
	void expectWarmUp() {
		warming = true;
	}

	/**
	 * Blocks until the warm-up has run, rather than build the same snapshots and caches beside it (seconds on two
	 * cores); returns at once when none was started (no context refresh). Never call it holding a database
	 * connection: the warm-up needs one. Writes made inside the server while it warms (the directory seed) do not
	 * wait, they validate beside it.
	 */
	void awaitWarmUp() {
		if (warming) {
			warm.join();
		}
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
			// And the collection Bundle a transaction's entries are validated in.
			validation.errorsOf(examples.stream().limit(2).toList());
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

	/** A 422 carrying only the issues that made the write fail (its errors), so the client sees what to fix first. */
	private static UnprocessableEntityException rejected(String type, OperationOutcome outcome) {
		String first = outcome.getIssueFirstRep().getDiagnostics();
		int more = outcome.getIssue().size() - 1;
		return new UnprocessableEntityException(type + " does not conform to the CWH profile it claims: " + first
				+ (more > 0 ? " (and " + more + " more issue" + (more > 1 ? "s" : "") + ")" : ""), outcome);
	}
}
