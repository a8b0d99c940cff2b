package org.cwh.profiles;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * HAPI's {@link FhirInstanceValidator}, configured like the JPA server's ({@link #configuredLike}), that keeps its FHIR
 * core {@link InstanceValidator}s for several calls instead of building one per call. In HAPI 8.8 (core 6.7.9) every
 * call of {@code FhirInstanceValidator} goes through HAPI's package-private {@code ValidatorWrapper}, which constructs
 * a new {@code InstanceValidator}, and that constructor parses the 1.5 MB OID registry ({@code OIDUtilities}): about a
 * third of the CPU time of validating the IG's referral transaction (JFR, see the commit that added this class). Core
 * itself validates many resources with one {@code InstanceValidator} (its {@code validate(…, Element, profiles)} clears
 * its per-call state first); what it never clears is a record of the codes and narratives it has seen, which only
 * grows. So an instance serves at most {@value #USES} calls, by one thread at a time, then is dropped; idle ones wait
 * in a small pool. The largest part of that record, the codings with the parsed resources they were met in, is
 * emptied after every call ({@link CodingsSeen}).
 *
 * <p>{@link #validate(IValidationContext)} does what {@code ValidatorWrapper.validate} does in HAPI 8.8.0, step by step,
 * with the same settings and message filtering, so verdicts do not change (the profile tests and the validator corpus
 * hold this); only where the {@code InstanceValidator} comes from differs. Revisit on a HAPI upgrade. Made the
 * server's instance validator (writes and {@code $validate}) by {@link ProfilesConfig}.
 */
final class ReusedInstanceValidator extends FhirInstanceValidator {

	/**
	 * Calls one InstanceValidator serves: its OID registry then costs half a percent of a call. What it still keeps
	 * between calls once the codings it met are emptied after each call grows slowly (about 0.7 MB in 50 calls of the
	 * referral transaction, seen in a heap dump), so each one lives four times as long as before that emptying.
	 */
	static final int USES = 200;
	/** Idle validators kept; more are built under concurrency and dropped after their call. */
	private static final int IDLE = 4;

	private static final Gson GSON = new Gson();
	/** What ValidatorWrapper uses when no host services are set (the JPA validator sets none); stateless. */
	private static final IHostApplicationServices NULL_HOST = new NullEvaluationContext();

	private static final CodingsSeen CODINGS_SEEN = CodingsSeen.find();

	private final Deque<Pooled> idle = new ArrayDeque<>();

	private ReusedInstanceValidator(FhirInstanceValidator like) {
		super(like.getValidationSupport());
	}

	/** A validator with every setting of {@code hapi} (HAPI's JPA {@code myInstanceValidator}), sharing its worker context. */
	static ReusedInstanceValidator configuredLike(FhirInstanceValidator hapi) {
		ReusedInstanceValidator reused = new ReusedInstanceValidator(hapi);
		if (hapi.getWorkerContext() != null) {
			reused.setWrappedWorkerContext(hapi.getValidationSupport(), hapi.getWorkerContext());
		}
		reused.setAnyExtensionsAllowed(hapi.isAnyExtensionsAllowed());
		if (hapi.getBestPracticeWarningLevel() != null) {
			reused.setBestPracticeWarningLevel(hapi.getBestPracticeWarningLevel());
		}
		reused.setErrorForUnknownProfiles(hapi.isErrorForUnknownProfiles());
		reused.setNoTerminologyChecks(hapi.isNoTerminologyChecks());
		reused.setNoExtensibleWarnings(hapi.isNoExtensibleWarnings());
		reused.setNoBindingMsgSuppressed(hapi.isNoBindingMsgSuppressed());
		reused.setCustomExtensionDomains(hapi.getExtensionDomains());
		reused.setValidatorResourceFetcher(hapi.getValidatorResourceFetcher());
		reused.setValidatorPolicyAdvisor(hapi.getValidatorPolicyAdvisor());
		reused.setAssumeValidRestReferences(hapi.isAssumeValidRestReferences());
		reused.setAllowExamples(hapi.isAllowExamples());
		reused.setHostApplicationServices(hapi.getHostApplicationServices());
		return reused;
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> theValidationCtx) {
		WorkerContextValidationSupportAdapter worker = provideWorkerContext();
		IHostApplicationServices host = getHostApplicationServices();
		Pooled pooled = take(worker, host == null ? NULL_HOST : host);
		List<ValidationMessage> messages = validate(pooled.validator, worker, theValidationCtx);
		CODINGS_SEEN.forget(pooled.validator);
		// Not returned when validation threw: its state may be half-way through a resource.
		give(pooled);
		return messages;
	}

	private List<ValidationMessage> validate(InstanceValidator v, WorkerContextValidationSupportAdapter worker,
			IValidationContext<?> theValidationCtx) {
		configure(v);
		List<ValidationMessage> messages = new ArrayList<>();
		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		for (String url : theValidationCtx.getOptions().getProfiles()) {
			addProfile(worker, profiles, url, unknownProfiles);
		}
		String input = theValidationCtx.getResourceAsString();
		InputStream stream = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
		EncodingEnum encoding = theValidationCtx.getResourceAsStringEncoding();
		if (encoding == EncodingEnum.XML) {
			Document document;
			try {
				document = XmlUtil.parseDocument(input);
			} catch (Exception e) {
				ValidationMessage m = new ValidationMessage();
				m.setLevel(ValidationMessage.IssueSeverity.FATAL);
				m.setMessage("Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
				messages.add(m);
				return messages;
			}
			for (String url : declaredProfiles(document)) {
				addProfile(worker, profiles, url, unknownProfiles);
			}
			v.validate(null, messages, stream, FhirFormat.XML, profiles);
		} else if (encoding == EncodingEnum.JSON) {
			JsonObject json = GSON.fromJson(input, JsonObject.class);
			JsonObject meta = json.getAsJsonObject("meta");
			JsonElement declared = meta == null ? null : meta.get("profile");
			if (declared != null && declared.isJsonArray()) {
				for (JsonElement url : (JsonArray) declared) {
					addProfile(worker, profiles, url.getAsString(), unknownProfiles);
				}
			}
			v.validate(theValidationCtx.getOptions().getAppContext(), messages, stream, FhirFormat.JSON, profiles);
		} else {
			throw new IllegalArgumentException(Msg.code(649) + "Unknown encoding: " + encoding);
		}
		if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		// HAPI's own filtering and severity of unknown profiles, as ValidatorWrapper applies them.
		messages.removeIf(m -> m.getMessageId() != null
				&& (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
						|| (m.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
								&& m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))));
		messages.stream()
				.filter(m -> I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
						|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId()))
				.forEach(m -> m.setLevel(isErrorForUnknownProfiles()
						? ValidationMessage.IssueSeverity.ERROR
						: ValidationMessage.IssueSeverity.WARNING));
		return messages;
	}

	/** Every call: the settings may have changed since the instance was built, and they are cheap to set. */
	private void configure(InstanceValidator v) {
		v.setAssumeValidRestReferences(isAssumeValidRestReferences());
		v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		v.setResourceIdRule(IdStatus.OPTIONAL);
		v.setNoTerminologyChecks(isNoTerminologyChecks());
		v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		// HAPI fixes this to true: UnknownCodeSystemWarningValidationSupport decides the severity.
		v.setUnknownCodeSystemsCauseErrors(true);
		v.getExtensionDomains().clear();
		v.getExtensionDomains().addAll(getExtensionDomains());
		v.setFetcher(getValidatorResourceFetcher());
		v.setPolicyAdvisor(getValidatorPolicyAdvisor());
		v.setNoExtensibleWarnings(isNoExtensibleWarnings());
		v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		v.setAllowExamples(isAllowExamples());
		v.setAllowXsiLocation(true);
	}

	private static void addProfile(WorkerContextValidationSupportAdapter worker, List<StructureDefinition> profiles,
			String url, List<ValidationMessage> unknown) {
		try {
			StructureDefinition sd = worker.fetchResource(StructureDefinition.class, url);
			if (sd != null) {
				profiles.add(sd);
			} else {
				ValidationMessage m = new ValidationMessage();
				m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
				m.setLevel(ValidationMessage.IssueSeverity.ERROR);
				m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
				unknown.add(m);
			}
		} catch (FHIRException e) {
			// As HAPI: a profile that fails to load is left out; the validator reports what it cannot check.
		}
	}

	/** {@code meta.profile} of an XML resource, read as HAPI's ValidatorWrapper reads it. */
	private static List<String> declaredProfiles(Document document) {
		List<String> urls = new ArrayList<>();
		NodeList children = document.getChildNodes().item(0).getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeName().equalsIgnoreCase("meta")) {
				NodeList meta = children.item(i).getChildNodes();
				for (int j = 0; j < meta.getLength(); j++) {
					Node node = meta.item(j);
					if (node.getNodeName().equalsIgnoreCase("profile")) {
						urls.add(node.getAttributes().item(0).getNodeValue());
					}
				}
				break;
			}
		}
		return urls;
	}

	private Pooled take(WorkerContextValidationSupportAdapter worker, IHostApplicationServices host) {
		synchronized (idle) {
			Pooled pooled;
			while ((pooled = idle.poll()) != null) {
				if (pooled.worker == worker && pooled.host == host) {
					return pooled;
				}
			}
		}
		return new Pooled(worker, host);
	}

	private void give(Pooled pooled) {
		if (++pooled.uses >= USES) {
			return;
		}
		synchronized (idle) {
			if (idle.size() < IDLE) {
				idle.push(pooled);
			}
		}
	}

	/**
	 * Core's {@code CodingsObserver}, which every InstanceValidator has, adds each coding it meets to a list, with the
	 * node stack it met it at and so the whole parsed resource, for a check that only runs for the IPS
	 * ({@code checkIPSCodes}, never set here) at the end of the same call; nothing ever clears the list. A reused
	 * validator therefore held the parsed form of every resource it had validated (11 MB after a few dozen referral
	 * transactions), which lived long enough to reach the old generation and then died with the validator: work for
	 * every garbage-collector cycle. This empties the list after each call. Core 6.7.9 keeps the observer in the
	 * private field {@code codingObserver} and its list in {@code list}; if a core upgrade renames them, it does
	 * nothing (and says so once in the log), and validation is as before.
	 */
	private static final class CodingsSeen {

		private final Field observer;
		private final Field list;

		private CodingsSeen(Field observer, Field list) {
			this.observer = observer;
			this.list = list;
		}

		static CodingsSeen find() {
			try {
				Field observer = InstanceValidator.class.getDeclaredField("codingObserver");
				Field list = CodingsObserver.class.getDeclaredField("list");
				observer.setAccessible(true);
				list.setAccessible(true);
				if (List.class.isAssignableFrom(list.getType())) {
					return new CodingsSeen(observer, list);
				}
			} catch (ReflectiveOperationException | RuntimeException e) {
				// Reported below.
			}
			LoggerFactory.getLogger(ReusedInstanceValidator.class).info("profiles: this FHIR core keeps no "
					+ "CodingsObserver list where 6.7.9 did; reused validators keep what it holds until dropped");
			return new CodingsSeen(null, null);
		}

		boolean found() {
			return observer != null;
		}

		/** The codings the validator's observer holds; 0 when the fields were not found. */
		int held(InstanceValidator validator) {
			if (observer == null) {
				return 0;
			}
			try {
				return ((List<?>) list.get(observer.get(validator))).size();
			} catch (IllegalAccessException e) {
				return 0;
			}
		}

		void forget(InstanceValidator validator) {
			if (observer == null) {
				return;
			}
			try {
				Object seen = observer.get(validator);
				if (seen != null && !((CodingsObserver) seen).isCheckIPSCodes()) {
					((List<?>) list.get(seen)).clear();
				}
			} catch (IllegalAccessException e) {
				// setAccessible succeeded in find(); cannot happen.
			}
		}
	}

	/**
	 * For the test: whether this core's CodingsObserver list was found, and how many codings the idle validators
	 * hold (-1 when it was not found).
	 */
	int codingsHeldByIdleValidators() {
		if (!CODINGS_SEEN.found()) {
			return -1;
		}
		synchronized (idle) {
			return idle.stream().mapToInt(p -> CODINGS_SEEN.held(p.validator)).sum();
		}
	}

	/** One InstanceValidator over one worker context and host, and how many calls it has served. */
	private static final class Pooled {

		final WorkerContextValidationSupportAdapter worker;
		final IHostApplicationServices host;
		final InstanceValidator validator;
		int uses;

		Pooled(WorkerContextValidationSupportAdapter worker, IHostApplicationServices host) {
			this.worker = worker;
			this.host = host;
			// As ValidatorWrapper builds it.
			try {
				this.validator = new InstanceValidator(worker, host, new XVerExtensionManagerOld(worker),
						new ValidatorSession(), new ValidatorSettings());
			} catch (Exception e) {
				throw new ConfigurationException(Msg.code(648) + e.getMessage(), e);
			}
		}
	}
}
