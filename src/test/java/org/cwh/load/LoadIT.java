package org.cwh.load;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cwh.config.CliCommand;
import org.cwh.config.SettingsSource;
import org.cwh.security.Caller.Role;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.TestClient;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads every Synthea bundle under the shared fixtures into the test server over HTTP, then loads them again and
 * checks nothing was added. The fixtures folder is {@code -Dcwh.fixtures}, else {@code ../shared/fixtures} beside
 * the project, else {@code /work/shared/fixtures}.
 */
@ExtendWith(CwhServerExtension.class)
class LoadIT {

	private static final List<String> COUNTED =
			List.of("Organization", "Practitioner", "Location", "PractitionerRole", "Patient", "Encounter");

	static Path synthea() {
		String configured = System.getProperty("cwh.fixtures");
		List<Path> candidates = configured != null
				? List.of(Path.of(configured))
				: List.of(Path.of(System.getProperty("user.dir"), "..", "shared", "fixtures"),
						Path.of("/work/shared/fixtures"));
		return candidates.stream().map(p -> p.resolve("synthea").normalize()).filter(Files::isDirectory).findFirst()
				.orElseThrow(() -> new IllegalStateException("Synthea fixtures not found in " + candidates
						+ "; set -Dcwh.fixtures=/path/to/fixtures"));
	}

	@Test
	void everySyntheaBundleLoadsAndASecondLoadAddsNothing() throws IOException {
		Path root = synthea();
		HttpSink sink = new HttpSink(CwhServerExtension.server().baseUrl(), FhirContext.forR4Cached(),
				CwhServerExtension.admin().tokens());
		Map<String, LoadReport> firstLoads = new LinkedHashMap<>();
		for (Path set : List.of(root.resolve("smart-generated-sample-data-r4"),
				root.resolve("synthea-3.3.0-generated"))) {
			LoadReport report = LoadCommand.load(LoadPlan.of(List.of(set)), sink, (f, t, last, sofar) -> {});
			System.out.println("LoadIT first load of " + root.relativize(set) + ": " + report.summary());
			assertEquals(0, report.failures(), () -> failures(report));
			firstLoads.put(set.toString(), report);
		}
		assertTrue(firstLoads.values().stream().mapToLong(LoadReport::bundles).sum() >= 26,
				"expected all Synthea bundles to load: " + firstLoads.values());
		Map<String, Integer> before = counts();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = new LoadCommand().run(new CliCommand.Invocation(List.of(root.toString()),
				loaderOptions(), SettingsSource.ofValues(Map.of()),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
				CwhServerExtension.clock()));
		String summary = out.toString(StandardCharsets.UTF_8);
		System.out.println("LoadIT second load of everything: " + summary.strip());

		assertEquals(0, status, summary);
		MatcherAssert.assertThat(summary, containsString("(0 new), 0 failures"));
		assertEquals(before, counts());
	}

	@Test
	void aBundleTheServerRefusesIsAFailureWithItsDiagnostics() throws Exception {
		Path bad = Files.createTempFile("cwh-load-bad", ".json");
		Files.writeString(bad, """
				{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:0b1c","resource":
				 {"resourceType":"Observation","status":"final","code":{"text":"x"},
				  "subject":{"reference":"Patient/does-not-exist-load-it"}},
				 "request":{"method":"POST","url":"Observation"}}]}""");
		try {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int status = new LoadCommand().run(new CliCommand.Invocation(List.of(bad.toString()),
					loaderOptions(), SettingsSource.ofValues(Map.of()),
					new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
					CwhServerExtension.clock()));

			assertEquals(1, status);
			String printed = err.toString(StandardCharsets.UTF_8);
			MatcherAssert.assertThat(printed, containsString("FAILED " + bad.getFileName()));
			MatcherAssert.assertThat(printed, containsString("HTTP 4"));
			MatcherAssert.assertThat(printed, containsString("HAPI-"));
		} finally {
			Files.delete(bad);
		}
	}

	/** {@code --url} of the test server and a client of its own, authenticating with its key file. */
	private static Map<String, String> loaderOptions() throws IOException {
		TestClient loader = CwhServerExtension.client(CwhServerExtension.ADMIN_ORGANIZATION, LoadCommand.SCOPE,
				Role.ADMIN);
		Path key = Files.createTempFile("cwh-load-client", ".jwk");
		key.toFile().deleteOnExit();
		Files.writeString(key, loader.key().toJSONString());
		return Map.of(LoadCommand.URL, CwhServerExtension.server().baseUrl(), LoadCommand.CLIENT_ID,
				loader.clientId(), LoadCommand.CLIENT_KEY, key.toString());
	}

	@Test
	void aServerWithAuthenticationRefusesALoadWithoutAClient() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new LoadCommand().run(new CliCommand.Invocation(List.of(synthea().toString()),
				Map.of(LoadCommand.URL, CwhServerExtension.server().baseUrl()), SettingsSource.ofValues(Map.of()),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));

		assertEquals(1, status);
		MatcherAssert.assertThat(err.toString(StandardCharsets.UTF_8), containsString("needs a bearer token"));
	}

	private static Map<String, Integer> counts() {
		return COUNTED.stream().collect(Collectors.toMap(t -> t,
				t -> fhir().get("/" + t + "?_summary=count").then().statusCode(200).extract().path("total"),
				(a, b) -> a, LinkedHashMap::new));
	}

	private static String failures(LoadReport report) {
		return report.outcomes().stream().filter(o -> o.status() == LoadReport.Status.FAILED)
				.map(o -> o.file().getFileName() + ": " + o.detail()).collect(Collectors.joining("\n"));
	}
}
