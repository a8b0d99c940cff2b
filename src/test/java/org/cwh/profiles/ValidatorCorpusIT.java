package org.cwh.profiles;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's {@code $validate} against the FHIR validator's own R4 core test cases (the team's fixtures,
 * {@code conformance/fhir-test-cases-validator-r4/}, see its SOURCES.md): each case is POSTed to the type-level
 * {@code /{resourceType}/$validate} of the shared test server, JSON or XML by its file name, and its verdict is
 * compared with the Java validator's expected one from {@code manifest-r4-core.json}. A case is valid when its
 * expected error count is 0; the server calls it invalid when the OperationOutcome it returns has an issue of
 * severity error or fatal, or when it does not validate the body at all (an HTTP status other than 200 or 412, e.g.
 * a 400 for a body that does not parse).
 *
 * <p>This mirrors {@code hapi-8.8.0-offline-baseline.tsv} (HAPI 8.8.0's validator run offline, 116/131 agreeing):
 * <ul>
 * <li>the cases are exactly the baseline's rows (the 131 manifest cases that are a single resource; the manifest's
 * {@code test-ndjson} is left out there and here);</li>
 * <li>the baseline's {@code hapi_errors} is -1 where the resource could not be parsed, and -1 counts as invalid
 * ({@code agree} is {@code (expected > 0) == (hapi != 0)} on every row); here a refusal to validate (no 200/412)
 * is recorded as -1 the same way;</li>
 * <li>manifest options the baseline did not apply (supporting files, packages, {@code best-practice},
 * {@code allow-comments} and so on) are not applied here either: a $validate request carries none of them.</li>
 * </ul>
 * Differences from the baseline: a case that is itself a Parameters resource is sent inside the input Parameters
 * of {@code $validate} (its {@code resource} parameter), since a Parameters body is read as the operation's input;
 * HAPI then validates the resource as parsed rather than the raw text. Cases in {@link #NOT_POSTABLE} count as the
 * baseline counts them. The resource type in the URL is read from the body ({@code resourceType} in JSON,
 * the root element in XML); when it cannot be found (a body too broken to show one) the case goes to
 * {@code /Basic/$validate}, where the body's own parse error decides it. The server's chain is HAPI's JPA chain plus
 * the CWH profiles and {@code UnknownCodeSystemWarningValidationSupport}, so it need not match the baseline case by
 * case; the test asserts only that at least as many cases agree.
 *
 * <p>The per-case table is printed to the test's standard output and written to
 * {@code target/validator-corpus.tsv}.
 */
@ExtendWith(CwhServerExtension.class)
class ValidatorCorpusIT {

	private static final String FOLDER = "conformance/fhir-test-cases-validator-r4";
	private static final int BASELINE_AGREEMENT = 116;
	private static final int BASELINE_CASES = 131;
	private static final Pattern JSON_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\"");
	private static final Pattern XML_ROOT =
			Pattern.compile("<(?![?!])(?:[A-Za-z0-9_-]+:)?([A-Za-z]+)[\\s/>]");
	private static final ObjectMapper json = new ObjectMapper();

	record Baseline(String name, String file, int expectedErrors, int hapiErrors, boolean agree) {}

	/**
	 * Cases that cannot reach {@code $validate} as a single resource; they count as the baseline counts them (the
	 * server's answer is still printed). {@code params-empty-r4} is a Parameters resource with nothing but its
	 * {@code resourceType}: a Parameters body is the operation's input, and inside the wrapper's {@code resource}
	 * parameter an empty resource is dropped by the parser, so HAPI validates the wrapper itself (inv-1).
	 */
	private static final Map<String, String> NOT_POSTABLE =
			Map.of("params-empty-r4", "empty Parameters: lost inside the $validate input Parameters");

	record Outcome(String name, String file, String type, int status, int expectedErrors, int errors,
			boolean baselineAgrees, String firstError) {
		boolean serverAgrees() {
			return (expectedErrors > 0) == (errors != 0);
		}

		/** What the case counts: the server's verdict, or the baseline's where the case cannot be posted. */
		boolean agrees() {
			return NOT_POSTABLE.containsKey(name) ? baselineAgrees : serverAgrees();
		}
	}

	@Test
	void validateAgreesWithTheJavaValidatorAtLeastAsOftenAsTheBaseline() throws IOException {
		Path dir = Fixtures.dir(FOLDER);
		Map<String, Integer> expected = expectedErrorCounts(dir.resolve("manifest-r4-core.json"));
		List<Baseline> baseline = baseline(dir.resolve("hapi-8.8.0-offline-baseline.tsv"));
		assertEquals(BASELINE_CASES, baseline.size(), "baseline rows");

		long started = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>();
		for (Baseline row : baseline) {
			Integer expectedErrors = expected.get(row.name());
			assertTrue(expectedErrors != null, "baseline case missing from the manifest: " + row.name());
			assertEquals(row.expectedErrors(), expectedErrors, "expected errors of " + row.name());
			outcomes.add(validate(dir.resolve("cases").resolve(row.file()), row, expectedErrors));
		}
		long millis = (System.nanoTime() - started) / 1_000_000;

		long agreeing = outcomes.stream().filter(Outcome::agrees).count();
		String table = table(outcomes, agreeing, millis);
		System.out.println(table);
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			Files.writeString(target.resolve("validator-corpus.tsv"), table, StandardCharsets.UTF_8);
		}
		assertTrue(agreeing >= BASELINE_AGREEMENT, "$validate agrees with the Java validator on " + agreeing + "/"
				+ outcomes.size() + " cases, the offline HAPI 8.8.0 baseline on " + BASELINE_AGREEMENT + "\n" + table);
	}

	private static Outcome validate(Path file, Baseline row, int expectedErrors) throws IOException {
		byte[] body = Files.readAllBytes(file);
		String text = new String(body, StandardCharsets.UTF_8);
		boolean xml = file.getFileName().toString().endsWith(".xml");
		Matcher type = (xml ? XML_ROOT : JSON_TYPE).matcher(text);
		String resourceType = type.find() ? type.group(1) : "Basic";
		if (resourceType.equals("Parameters")) {
			// A Parameters body of $validate is the operation's input: the case goes in its "resource" parameter.
			body = (xml ? wrapXml(text) : wrapJson(text)).getBytes(StandardCharsets.UTF_8);
		}
		Response response = fhir()
				.contentType(xml ? "application/fhir+xml; charset=UTF-8" : "application/fhir+json; charset=UTF-8")
				.body(body)
				.post("/" + resourceType + "/$validate");
		int status = response.statusCode();
		int errors = 0;
		String firstError = "";
		JsonNode outcome = parse(response.asString());
		if (outcome != null) {
			for (JsonNode issue : outcome.path("issue")) {
				String severity = issue.path("severity").asText();
				if (severity.equals("error") || severity.equals("fatal")) {
					errors++;
					if (firstError.isEmpty()) {
						firstError = issue.path("diagnostics").asText();
					}
				}
			}
		}
		if (status != 200 && status != 412) {
			errors = -1;
		}
		return new Outcome(row.name(), row.file(), resourceType, status, expectedErrors, errors, row.agree(),
				firstError);
	}

	private static String wrapJson(String resource) {
		return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":" + resource
				+ "}]}";
	}

	private static String wrapXml(String resource) {
		String withoutProlog = resource.replaceFirst("^\\uFEFF?\\s*<\\?xml[^>]*\\?>", "");
		return "<Parameters xmlns=\"http://hl7.org/fhir\"><parameter><name value=\"resource\"/><resource>"
				+ withoutProlog + "</resource></parameter></Parameters>";
	}

	private static JsonNode parse(String body) {
		try {
			return json.readTree(body);
		} catch (IOException e) {
			return null;
		}
	}

	private static String table(List<Outcome> outcomes, long agreeing, long millis) {
		StringBuilder out = new StringBuilder();
		out.append("# $validate vs the Java validator: ").append(agreeing).append('/').append(outcomes.size())
				.append(" agree (offline HAPI 8.8.0 baseline ").append(BASELINE_AGREEMENT).append('/')
				.append(BASELINE_CASES).append("), ").append(millis).append(" ms\n");
		out.append("name\tfile\ttype\tstatus\texpected_java_errors\tserver_errors\tserver_agrees\tcounted")
				.append("\tbaseline_agree\tfirst_error\n");
		for (Outcome o : outcomes) {
			out.append(o.name()).append('\t').append(o.file()).append('\t').append(o.type()).append('\t')
					.append(o.status()).append('\t').append(o.expectedErrors()).append('\t').append(o.errors())
					.append('\t').append(o.serverAgrees()).append('\t').append(o.agrees())
					.append(NOT_POSTABLE.containsKey(o.name()) ? " (baseline's: " + NOT_POSTABLE.get(o.name()) + ")"
							: "")
					.append('\t').append(o.baselineAgrees()).append('\t')
					.append(oneLine(o.firstError())).append('\n');
		}
		out.append("# the server's verdict differs from the baseline's:");
		boolean any = false;
		for (Outcome o : outcomes) {
			if (o.serverAgrees() != o.baselineAgrees()) {
				out.append(' ').append(o.name()).append(o.serverAgrees() ? "(+)" : "(-)")
						.append(NOT_POSTABLE.containsKey(o.name()) ? "[counted as the baseline]" : "");
				any = true;
			}
		}
		out.append(any ? "\n" : " none\n");
		return out.toString();
	}

	private static String oneLine(String s) {
		String flat = s.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
	}

	private static Map<String, Integer> expectedErrorCounts(Path manifest) throws IOException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (JsonNode testCase : json.readTree(manifest.toFile()).path("test-cases")) {
			counts.put(testCase.path("name").asText(), testCase.path("expected_java_error_count").asInt());
		}
		return counts;
	}

	private static List<Baseline> baseline(Path tsv) {
		try {
			List<Baseline> rows = new ArrayList<>();
			for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
					continue;
				}
				String[] f = line.split("\t");
				rows.add(new Baseline(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
						Boolean.parseBoolean(f[4])));
			}
			return rows;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
