package org.cwh.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Writes an OperationOutcome as the whole response, for answers given before HAPI sees the request. */
final class OutcomeWriter {

	private final FhirContext fhirContext;

	OutcomeWriter(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, IssueType type,
			String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		boolean xml = wantsXml(request);
		IParser parser = xml ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
		byte[] body = parser.setPrettyPrint(true).encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8");
		response.setContentLength(body.length);
		if (status == 413) {
			// Whatever remains of an oversized upload is not worth reading; end the connection after this answer.
			response.setHeader("Connection", "close");
		}
		response.getOutputStream().write(body);
	}

	private static boolean wantsXml(HttpServletRequest request) {
		String format = request.getParameter("_format");
		if (format != null) {
			return format.toLowerCase(Locale.ROOT).contains("xml");
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("xml")
				&& !accept.toLowerCase(Locale.ROOT).contains("json");
	}
}
