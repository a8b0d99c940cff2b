package org.cwh.rest;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.github.dnault.xmlpatch.PatchException;
import com.github.dnault.xmlpatch.Patcher;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.cwh.testing.CwhServerExtension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Runs the FHIR patch conformance cases (fhir-test-cases {@code r4/patch}, see the fixtures' SOURCES.md) because the
 * CapabilityStatement claims PATCH. FHIRPath Patch cases go over HTTP: PUT the input under a client-assigned id,
 * PATCH it with the case's Parameters, GET it and compare with the expected output (meta and id ignored); error
 * cases must get a 4xx OperationOutcome and leave the resource unchanged.
 *
 * <p>The JSON Patch (RFC 6902) and XML Patch (RFC 5261) suites patch generic documents ({@code {"foo":"bar"}},
 * {@code <doc><foo/></doc>}) that are not FHIR resources and so cannot be stored; they run against the engines HAPI's
 * PATCH uses for those formats ({@code JsonPatchUtils}: java-json-tools JsonPatch; {@code XmlPatchUtils}: dnault
 * xml-patch) in this JVM, XML behind the same empty-diff check {@link XmlPatchInterceptor} makes on the server.
 * {@link PatchIT} covers both formats over HTTP on real resources.
 *
 * <p>Fixtures come from {@code -Dcwh.fixtures}, else {@code ../shared/fixtures}, else {@code /work/shared/fixtures}.
 */
@ExtendWith(CwhServerExtension.class)
class PatchConformanceIT {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	/** The one reference in the suite ("Full Resource"); our server refuses dangling references on write. */
	private static final String SUITE_REFERENCE = "Organization/1\"";

	static Path patchFixtures() {
		String configured = System.getProperty("cwh.fixtures");
		Path sibling = Path.of(System.getProperty("user.dir"), "..", "shared", "fixtures");
		Path root = configured != null ? Path.of(configured)
				: Files.isDirectory(sibling) ? sibling : Path.of("/work/shared/fixtures");
		return root.resolve("conformance/fhir-test-cases-patch");
	}

	// ---- FHIRPath Patch over HTTP ----

	record FhirPathCase(String input, String parameters, String output, String error) {}

	static Stream<Arguments> fhirPathCases() throws Exception {
		Document doc = parse(Files.readAllBytes(patchFixtures().resolve("fhir-patch-tests.xml")));
		List<Arguments> cases = new ArrayList<>();
		for (Element c : children(doc.getDocumentElement(), "case")) {
			Element error = child(c, "error");
			cases.add(Arguments.of(Named.of(c.getAttribute("name"), new FhirPathCase(
					serialize(firstElement(child(c, "input"))),
					serialize(firstElement(child(c, "diff"))),
					error == null ? serialize(firstElement(child(c, "output"))) : null,
					error == null ? null : error.getAttribute("msg")))));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fhirPathCases")
	void fhirPathPatchCase(FhirPathCase c) {
		String input = c.input();
		String output = c.output();
		if (input.contains(SUITE_REFERENCE)) {
			String organization = TestData.create("Organization",
					FHIR.newJsonParser().encodeResourceToString(new Organization().setName("patch suite")));
			input = input.replace(SUITE_REFERENCE, "Organization/" + organization + "\"");
			output = output == null ? null : output.replace(SUITE_REFERENCE, "Organization/" + organization + "\"");
		}
		Resource resource = (Resource) FHIR.newXmlParser().parseResource(input);
		String type = resource.fhirType();
		String id = "pc-" + UUID.randomUUID();
		resource.setId(id);
		fhir().body(FHIR.newJsonParser().encodeResourceToString(resource)).put("/" + type + "/" + id)
				.then().statusCode(201);

		String parameters = FHIR.newJsonParser().encodeResourceToString(FHIR.newXmlParser().parseResource(c.parameters()));
		Response patched = fhir().body(parameters).patch("/" + type + "/" + id);

		if (c.error() != null) {
			patched.then().body("resourceType", equalTo("OperationOutcome"));
			int status = patched.statusCode();
			assertTrue(status >= 400 && status < 500, "expected a 4xx for '" + c.error() + "', got " + status);
			fhir().get("/" + type + "/" + id).then().header("ETag", equalTo("W/\"1\""));
			return;
		}
		patched.then().statusCode(200);
		Resource actual = (Resource) FHIR.newJsonParser().parseResource(
				fhir().get("/" + type + "/" + id).then().statusCode(200).extract().asString());
		assertEquals(comparable((Resource) FHIR.newXmlParser().parseResource(output)), comparable(actual));
	}

	private static String comparable(Resource resource) {
		resource.setId((String) null);
		resource.setMeta(null);
		return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
	}

	// ---- JSON Patch (RFC 6902) suite against HAPI's JSON Patch engine ----

	static Stream<Arguments> jsonPatchCases() throws Exception {
		JsonNode suite = JSON.readTree(patchFixtures().resolve("json-patch-tests.json").toFile());
		List<Arguments> cases = new ArrayList<>();
		suite.forEach(c -> cases.add(Arguments.of(Named.of(c.get("comment").asText(), c))));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("jsonPatchCases")
	void jsonPatchCase(JsonNode c) throws Exception {
		JsonPatch patch = JsonPatch.fromJson(c.get("patch"));
		if (c.has("error")) {
			assertThrows(JsonPatchException.class, () -> patch.apply(c.get("doc")), c.get("error").asText());
			return;
		}
		assertEquals(c.get("expected"), patch.apply(c.get("doc")));
	}

	// ---- XML Patch (RFC 5261) suite against HAPI's XML Patch engine ----

	record XmlCase(String target, String patch, String patched, String error) {}

	static Stream<Arguments> xmlPatchCases() throws Exception {
		Document doc = parse(Files.readAllBytes(patchFixtures().resolve("xml-patch-tests.xml")));
		List<Arguments> cases = new ArrayList<>();
		for (Element c : children(doc.getDocumentElement(), "case")) {
			Element error = child(c, "error");
			Element target = firstElement(child(c, "target"));
			Element patched = child(c, "patched");
			Element patch = child(c, "patch");
			// The suite's selectors use the prefix f for the FHIR namespace without declaring it; RFC 5261 engines
			// resolve prefixes from the diff document, so declare it there.
			patch.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:f", "http://hl7.org/fhir");
			cases.add(Arguments.of(Named.of(c.getAttribute("name"), new XmlCase(
					target == null ? "" : serialize(target),
					serialize(patch),
					patched == null ? null : serialize(firstElement(patched)),
					error == null ? null : error.getAttribute("message")))));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("xmlPatchCases")
	void xmlPatchCase(XmlCase c) throws Exception {
		if (c.error() != null) {
			// The engine's PatchException becomes 400 in ErrorResponseInterceptor; ours is already a 400.
			Exception refused = assertThrows(Exception.class, () -> xmlPatch(c), c.error());
			assertTrue(refused instanceof PatchException || refused instanceof InvalidRequestException, refused::toString);
			return;
		}
		assertEquals(canonical(c.patched()), canonical(xmlPatch(c)));
	}

	/** What the server does with an XML Patch: our empty-diff check, then HAPI's engine. */
	private static String xmlPatch(XmlCase c) throws Exception {
		XmlPatchInterceptor.requireOperations(c.patch().getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Patcher.patch(new ByteArrayInputStream(c.target().getBytes(StandardCharsets.UTF_8)),
				new ByteArrayInputStream(c.patch().getBytes(StandardCharsets.UTF_8)), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** Re-serializes without whitespace-only text so that indentation does not count as a difference. */
	private static String canonical(String xml) throws Exception {
		Document doc = parse(xml.getBytes(StandardCharsets.UTF_8));
		stripWhitespace(doc.getDocumentElement());
		doc.normalizeDocument();
		return serialize(doc.getDocumentElement());
	}

	private static void stripWhitespace(Node node) {
		for (Node n = node.getFirstChild(); n != null; ) {
			Node next = n.getNextSibling();
			if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()) {
				node.removeChild(n);
			} else {
				stripWhitespace(n);
			}
			n = next;
		}
	}

	// ---- XML plumbing ----

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		return builder.parse(new ByteArrayInputStream(xml));
	}

	private static String serialize(Element element) {
		try {
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(element), new StreamResult(out));
			return out.toString();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && name.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

	private static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static Element firstElement(Element parent) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				return e;
			}
		}
		return null;
	}
}
