package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives error responses the status FHIR asks for and keeps internals out of them. A stale {@code If-Match}
 * (HAPI {@code HAPI-0989} on update, {@code HAPI-0974} on patch, both sent as 409) becomes 412 Precondition Failed
 * as FHIR R4 says; so does the version conflict a request with {@code If-Match} meets when another client's write
 * of the same version commits first (HAPI {@code HAPI-0823}, also 409): both read the current version, one wins, and
 * the other's version is then stale. An XML Patch that does not apply (HAPI lets the engine's {@code PatchException} escape as a 500)
 * becomes 400, like a JSON or FHIRPath Patch that does not apply. An unexpected failure
 * becomes a 500 whose OperationOutcome carries only a reference id; the cause is logged under that id, without
 * exception messages (they can quote request content). An unparseable value that HAPI lets escape as a 500 is the
 * client's error: 400. Registered by {@link RestConfig}; always on.
 */
@Interceptor
public final class ErrorResponseInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponseInterceptor.class);
	private static final String STALE_VERSION_ON_UPDATE = "HAPI-0989";
	private static final String STALE_VERSION_ON_PATCH = "HAPI-0974";
	private static final String XML_PATCH_FAILED = "com.github.dnault.xmlpatch.PatchException";

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException rewrite(RequestDetails request, Throwable thrown) {
		boolean ifMatch = request != null && request.getHeader(Constants.HEADER_IF_MATCH) != null;
		if (thrown instanceof ResourceVersionConflictException conflict && (ifMatch
				|| firstCause(conflict, t -> mentions(t, STALE_VERSION_ON_UPDATE) || mentions(t, STALE_VERSION_ON_PATCH))
						!= null)) {
			return new PreconditionFailedException(
					"If-Match names a version that is no longer current: read the resource again and retry "
							+ "with its current ETag (" + conflict.getMessage() + ")");
		}
		Throwable xmlPatch = firstCause(thrown, t -> t.getClass().getName().equals(XML_PATCH_FAILED));
		if (xmlPatch != null) {
			return new InvalidRequestException("XML Patch could not be applied: " + xmlPatch.getMessage());
		}
		if (thrown instanceof BaseServerResponseException known && known.getStatusCode() < 500) {
			return null;
		}
		Throwable badValue = firstCause(thrown, DataFormatException.class::isInstance);
		if (badValue != null) {
			// HAPI lets some unparseable values (a search date such as birthdate=abc) escape as a 500.
			return new InvalidRequestException(badValue.getMessage());
		}
		String reference = UUID.randomUUID().toString();
		log.error("internal error {}: {}", reference, whereItFailed(thrown));
		return new InternalErrorException("The server could not process this request because of an internal "
				+ "error; nothing was stored by it. Reference: " + reference);
	}

	/** The thrown exception or the first of its causes that matches, or null. */
	private static Throwable firstCause(Throwable thrown, Predicate<Throwable> matches) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (matches.test(t)) {
				return t;
			}
		}
		return null;
	}

	/**
	 * Exception classes and the frames where they were thrown, without their messages: messages of parser and
	 * database errors quote request content, which must not reach the log.
	 */
	static String whereItFailed(Throwable thrown) {
		StringBuilder trace = new StringBuilder();
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			trace.append(trace.isEmpty() ? "" : " <- caused by ").append(t.getClass().getName());
			StackTraceElement[] frames = t.getStackTrace();
			for (int i = 0; i < Math.min(8, frames.length); i++) {
				trace.append("\n\tat ").append(frames[i]);
			}
		}
		return trace.toString();
	}

	private static boolean mentions(Throwable t, String code) {
		return t.getMessage() != null && t.getMessage().contains(code);
	}
}
