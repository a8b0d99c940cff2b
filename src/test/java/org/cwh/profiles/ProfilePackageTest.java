package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ca.uhn.hapi.converters.canonical.SubscriptionTopicCanonicalizer;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.SubscriptionTopic;
import org.hl7.fhir.r5.model.SubscriptionTopic.InteractionTrigger;
import org.hl7.fhir.r5.model.SubscriptionTopic.SubscriptionTopicResourceTriggerComponent;
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
	void theTopicsAreTheTwoDecidedOnesUnderOurCanonical() {
		Map<String, String> urlById = ProfilePackage.load(ctx).topics().stream().collect(Collectors.toMap(
				t -> t.getIdElement().getIdPart(), ProfilePackage::topicUrl, (a, b) -> a, TreeMap::new));
		assertEquals(Map.of(
						"cwh-task-for-owner", Canonical.base() + "/SubscriptionTopic/cwh-task-for-owner",
						"cwh-task-for-requester", Canonical.base() + "/SubscriptionTopic/cwh-task-for-requester"),
				urlById);
	}

	/** HAPI's own R4 reading of a topic (what its topic registry and matcher use) sees what we meant. */
	@Test
	void hapiReadsEachTopicAsATaskCreateOrUpdateTopicWithItsFilter() {
		Map<String, String> filterById = Map.of("cwh-task-for-owner", "owner", "cwh-task-for-requester", "requester");
		List<Basic> topics = ProfilePackage.load(ctx).topics();
		assertEquals(filterById.keySet(), topics.stream().map(t -> t.getIdElement().getIdPart())
				.collect(Collectors.toSet()));
		for (Basic basic : topics) {
			SubscriptionTopic topic = SubscriptionTopicCanonicalizer.canonicalizeTopic(ctx, basic);
			String id = basic.getIdElement().getIdPart();
			assertEquals(ProfilePackage.topicUrl(basic), topic.getUrl(), id);
			assertEquals(PublicationStatus.ACTIVE, topic.getStatus(), id);
			assertEquals(1, topic.getResourceTrigger().size(), id);
			SubscriptionTopicResourceTriggerComponent trigger = topic.getResourceTriggerFirstRep();
			// HAPI's SubscriptionTopicMatcher compares the trigger's resource with the type name, not a canonical.
			assertEquals("Task", trigger.getResource(), id);
			assertEquals(List.of(InteractionTrigger.CREATE, InteractionTrigger.UPDATE),
					trigger.getSupportedInteraction().stream().map(e -> e.getValue()).toList(), id);
			assertEquals(List.of("Task/" + filterById.get(id)), topic.getCanFilterBy().stream()
					.map(f -> f.getResource() + "/" + f.getFilterParameter()).toList(), id);
			assertEquals(List.of("Task"), topic.getNotificationShape().stream().map(s -> s.getResource()).toList(), id);
			assertEquals(List.of("Task:focus"), topic.getNotificationShapeFirstRep().getInclude().stream()
					.map(i -> i.getValue()).toList(), id);
		}
	}

	@Test
	void everyMeasureIsActiveWithAScoringAndItsPopulationsDescribed() {
		List<Measure> measures = ProfilePackage.load(ctx).resources().stream()
				.filter(r -> r instanceof Measure).map(r -> (Measure) r).toList();
		assertEquals(Set.of("cwh-first-visit-7-days", "cwh-first-visit-30-days", "cwh-engagement-30-days",
						"cwh-time-to-accept", "cwh-no-show-rate", "cwh-ed-return-30-days", "cwh-phq9-change",
						"cwh-housing-stability", "cwh-return-to-use"),
				measures.stream().map(m -> m.getIdElement().getIdPart()).collect(Collectors.toSet()));
		for (Measure measure : measures) {
			String id = measure.getIdElement().getIdPart();
			assertEquals(PublicationStatus.ACTIVE.toCode(), measure.getStatus().toCode(), id);
			assertEquals(Canonical.base() + "/Measure/" + id, measure.getUrl(), id);
			String scoring = measure.getScoring().getCodingFirstRep().getCode();
			Set<String> populations = measure.getGroupFirstRep().getPopulation().stream()
					.map(p -> p.getCode().getCodingFirstRep().getCode()).collect(Collectors.toSet());
			// What a MeasureReport of each scoring needs (FHIR R4 Measure, "Measure population criteria").
			Set<String> required = switch (scoring) {
				case "proportion" -> Set.of("initial-population", "denominator", "numerator");
				case "continuous-variable" -> Set.of("initial-population", "measure-population", "measure-observation");
				default -> throw new AssertionError(id + " has scoring " + scoring);
			};
			assertTrue(populations.containsAll(required), id + " has " + populations + ", needs " + required);
			measure.getGroupFirstRep().getPopulation().forEach(p -> {
				assertFalse(p.getDescription().isBlank(), id);
				assertFalse(p.getCriteria().getExpression().isBlank(), id);
			});
		}
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
