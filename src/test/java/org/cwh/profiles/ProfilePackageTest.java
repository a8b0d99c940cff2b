package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.MetadataResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged IG as the server loads it from the classpath, and the one-line failure when it cannot. */
class ProfilePackageTest {

	private static final FhirContext ctx = FhirContext.forR4Cached();

	@Test
	void theCanonicalIsTheOneInSushiConfig() throws Exception {
		String line = Files.readAllLines(Path.of("ig/sushi-config.yaml")).stream()
				.filter(l -> l.startsWith("canonical:")).findFirst().orElseThrow();
		assertEquals(line.substring("canonical:".length()).trim(), Canonical.base());
	}

	@Test
	void everyConformanceResourceInProfilesIsLoaded() {
		Set<String> expected = IgFiles.conformance().values().stream()
				.map(r -> ((MetadataResource) r).getUrl()).collect(Collectors.toCollection(TreeSet::new));
		Set<String> loaded = ProfilePackage.load(ctx).resources().stream()
				.map(MetadataResource::getUrl).collect(Collectors.toCollection(TreeSet::new));
		assertEquals(expected, loaded);
	}

	@Test
	void anUnreadableProfileStopsStartWithOneLineNamingIt(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectories(dir.resolve(ProfilePackage.LOCATION));
		Files.writeString(folder.resolve("StructureDefinition-broken.json"), "{\"resourceType\":\"Structure");
		try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
			IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProfilePackage.load(ctx, loader));
			assertTrue(e.getMessage().startsWith("profiles: cannot load cwh-profiles/StructureDefinition-broken.json"),
					e.getMessage());
			assertEquals(1, e.getMessage().lines().count(), e.getMessage());
		}
	}
}
