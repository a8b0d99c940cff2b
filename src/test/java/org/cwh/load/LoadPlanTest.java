package org.cwh.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPlanTest {

	@TempDir
	Path dir;

	@Test
	void sharedDirectoryBundlesComeFirstThenFilesByNameThenSubfolders() throws IOException {
		for (String name : List.of("b_patient.json", "practitionerInformation9.json", "a_patient.json",
				"hospitalInformation9.json", "notes.txt", "sub/x.json", "sub/hospitalInformation1.json",
				"a-sub/y.json")) {
			Path file = dir.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "{}");
		}

		List<String> order = LoadPlan.of(List.of(dir)).files().stream()
				.map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();

		assertEquals(List.of("hospitalInformation9.json", "practitionerInformation9.json", "a_patient.json",
				"b_patient.json", "a-sub/y.json", "sub/hospitalInformation1.json", "sub/x.json"), order);
	}

	@Test
	void filesNamedOnTheCommandLineKeepTheirPlace() throws IOException {
		Path patient = Files.writeString(dir.resolve("patient.json"), "{}");
		Path hospital = Files.writeString(dir.resolve("hospitalInformation1.json"), "{}");

		assertEquals(List.of(patient, hospital), LoadPlan.of(List.of(patient, hospital)).files());
	}

	@Test
	void missingInputIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> LoadPlan.of(List.of(dir.resolve("nope"))));
	}

	@Test
	void ranksHospitalsBeforePractitionersBeforePatients() {
		assertEquals(0, LoadPlan.rank("hospitalInformation1559319163815.json"));
		assertEquals(1, LoadPlan.rank("practitionerInformation1559319163815.json"));
		assertEquals(2, LoadPlan.rank("Chet_Thompson_eda17701.json"));
	}
}
