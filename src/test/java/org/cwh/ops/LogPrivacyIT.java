package org.cwh.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A canary: a unique name and identifier sent in bodies, searches, conditional headers and a failing request never
 * appear in the logs, with the shipped levels and with HAPI's own loggers raised to INFO.
 */
@ExtendWith(CwhServerExtension.class)
class LogPrivacyIT {

	@Test
	void patientNameAndIdentifierNeverReachTheLogs() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
		Logger hapi = logging.getLogger("ca.uhn.fhir");
		Level hapiLevel = hapi.getLevel();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.setContext(logging);
		captured.start();
		root.addAppender(captured);
		hapi.setLevel(Level.INFO);
		String name = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String identifier = "canary-" + UUID.randomUUID();
		try {
			exercise(name, identifier);
		} finally {
			root.detachAppender(captured);
			hapi.setLevel(hapiLevel);
		}
		List<String> lines = captured.list.stream()
				.map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
				.toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines).noneMatch(l -> l.contains(name)).noneMatch(l -> l.contains(identifier));
	}

	private static void exercise(String name, String identifier) {
		String patient = """
				{"resourceType":"Patient","identifier":[{"system":"urn:cwh:test","value":"%s"}],
				 "name":[{"family":"%s"}]}""".formatted(identifier, name);
		fhir().header("If-None-Exist", "identifier=urn:cwh:test|" + identifier).body(patient).post("/Patient")
				.then().statusCode(201);
		fhir().queryParam("family", name).queryParam("identifier", "urn:cwh:test|" + identifier).get("/Patient")
				.then().statusCode(200);
		fhir().queryParam("name:contains", name).get("/Patient").then().statusCode(405);
		fhir().body("{\"resourceType\":\"Patient\",\"name\":[{\"family\":" + name + "}]}").post("/Patient")
				.then().statusCode(400);
		fhir().body(patient.replace("\"name\"", "\"nickname\"")).post("/Patient").then().statusCode(400);
		fhir().queryParam("birthdate", name).get("/Patient").then().statusCode(400);
	}
}
