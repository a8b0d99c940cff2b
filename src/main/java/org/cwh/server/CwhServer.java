package org.cwh.server;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.cwh.config.AfterServing;
import org.cwh.config.ConformancePreload;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.LazyRepositories;
import org.cwh.config.PersistenceConfig;
import org.cwh.config.ServletContributor;
import org.cwh.config.SettingsSource;
import org.cwh.deadlines.DeadlinesConfig;
import org.cwh.deadlines.DeadlinesSettings;
import org.cwh.directory.DirectoryConfig;
import org.cwh.directory.DirectorySettings;
import org.cwh.notify.NotifyConfig;
import org.cwh.notify.NotifySettings;
import org.cwh.ops.AccessLog;
import org.cwh.ops.HealthServlet;
import org.cwh.ops.NativeMemoryTrim;
import org.cwh.profiles.ProfilesConfig;
import org.cwh.profiles.ProfilesSettings;
import org.cwh.rest.HeldFlushFilter;
import org.cwh.rest.RequestLimitsFilter;
import org.cwh.rest.RestConfig;
import org.cwh.rest.RestSettings;
import org.cwh.security.SecurityConfig;
import org.cwh.security.SecuritySettings;
import org.cwh.workflow.WorkflowConfig;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Builds and runs one CWH node: a Spring context of HAPI JPA plus the features, and embedded Jetty serving
 * {@code /fhir} (HAPI's RestfulServer), {@code /health} and the features' own routes ({@link ServletContributor}). Port 0 binds a free port; {@link #baseUrl()} reports the
 * real one. This class knows the feature list; features know nothing of it.
 */
public final class CwhServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CwhServer.class);

	/** How long the work after "ready" waits for the node's first answer before it starts anyway. */
	static final Duration FIRST_ANSWER_GRACE = Duration.ofSeconds(2);

	/** Every feature's Spring configuration, in the order their endpoint contributions apply. */
	private static final List<Class<?>> FEATURES =
			List.of(PersistenceConfig.class, RestConfig.class, ProfilesConfig.class, DirectoryConfig.class,
					SecurityConfig.class, WorkflowConfig.class, DeadlinesConfig.class,
					NotifyConfig.class, FhirEndpointConfig.class);

	private final Server jetty;
	private final AnnotationConfigApplicationContext spring;
	private final CompletableFuture<Void> settled;
	private final NativeMemoryTrim nativeMemoryTrim;

	private CwhServer(Server jetty, AnnotationConfigApplicationContext spring, CompletableFuture<Void> settled,
			NativeMemoryTrim nativeMemoryTrim) {
		this.jetty = jetty;
		this.spring = spring;
		this.settled = settled;
		this.nativeMemoryTrim = nativeMemoryTrim;
	}

	private static List<AfterServing> afterServingSteps(AnnotationConfigApplicationContext spring) {
		return spring.getBeanProvider(AfterServing.class).orderedStream().toList();
	}

	/**
	 * Runs the features' {@link AfterServing} work in order on one daemon thread, after {@code background} is started;
	 * done when all of it is. It all waits until the node has answered its first request, or {@link #FIRST_ANSWER_GRACE}
	 * has passed without one: the first request after "ready" is usually a health check or a client's
	 * {@code /metadata}, and on two cores the warm-up beside it made that first answer take seconds instead of one.
	 */
	static CompletableFuture<Void> afterServing(List<AfterServing> steps, CompletableFuture<?> firstAnswer,
			Runnable background) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				firstAnswer.get(FIRST_ANSWER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
			} catch (TimeoutException | ExecutionException e) {
				// no request yet (or none answered): start anyway
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			background.run();
			long started = System.nanoTime();
			for (AfterServing step : steps) {
				try {
					step.run();
				} catch (Exception | Error e) {
					// The class, not the message: messages can quote stored content, and logs carry no patient data.
					log.error("{} failed after start-up; the next start tries again: {}", step.what(),
							e.getClass().getName());
				}
			}
			log.info("start-up work after ready done in {} ms", (System.nanoTime() - started) / 1_000_000);
			done.complete(null);
		}, "cwh-after-serving");
		thread.setDaemon(true);
		thread.start();
		return done;
	}

	/** Checks every setting, starts Spring and Jetty on the system clock (UTC), or cleans up and throws. */
	public static CwhServer start(SettingsSource source) {
		return start(source, Clock.systemUTC());
	}

	/**
	 * As {@link #start(SettingsSource)}, with the {@link Clock} every feature reads the time from: deadlines, token
	 * lifetimes, delivery back-off. Tests pass one they can move forward instead of sleeping.
	 */
	public static CwhServer start(SettingsSource source, Clock clock) {
		ServerSettings settings = ServerSettings.from(source);
		DatabaseSettings.from(source);
		RestSettings restSettings = RestSettings.from(source);
		ProfilesSettings.from(source);
		DirectorySettings.from(source);
		SecuritySettings.from(source);
		NotifySettings.from(source);
		DeadlinesSettings.from(source);

		ConformancePreload preload = ConformancePreload.start();
		AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
		Server jetty = null;
		try {
			spring.registerBean(SettingsSource.class, () -> source);
			spring.registerBean(Clock.class, () -> clock);
			spring.getBeanFactory().addBeanPostProcessor(preload);
			spring.register(FEATURES.toArray(Class<?>[]::new));
			spring.refresh();

			CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
			jetty = jetty(settings, spring, restSettings, firstAnswer);
			jetty.start();
			// What start-up left for first use (HAPI's repositories), made once the node has answered.
			LazyRepositories repositories = spring.getBean(LazyRepositories.class);
			return new CwhServer(jetty, spring,
					afterServing(afterServingSteps(spring), firstAnswer, repositories::createAllInBackground),
					NativeMemoryTrim.start());
		} catch (Exception | Error e) {
			stopQuietly(jetty);
			spring.close();
			throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
		}
	}

	private static Server jetty(ServerSettings settings, AnnotationConfigApplicationContext spring,
			RestSettings restSettings, CompletableFuture<Void> firstAnswer) {
		QueuedThreadPool threads = new QueuedThreadPool(200, 8);
		threads.setName("cwh-http");
		Server server = new Server(threads);
		ServerConnector connector = new ServerConnector(server);
		connector.setPort(settings.port());
		server.addConnector(connector);

		ServletContextHandler context = new ServletContextHandler("/");
		ServletHolder fhir = new ServletHolder("fhir", spring.getBean(RestfulServer.class));
		fhir.setInitOrder(1);
		context.addServlet(fhir, "/fhir/*");
		// Features' routes and filters first: the bearer check answers before the body is even read.
		spring.getBeanProvider(ServletContributor.class).orderedStream().forEach(c -> c.contributeTo(context));
		context.addFilter(new FilterHolder(new RequestLimitsFilter(restSettings, spring.getBean(
				ca.uhn.fhir.context.FhirContext.class))), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
		context.addFilter(new FilterHolder(new HeldFlushFilter()), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
		context.addServlet(new ServletHolder("health", new HealthServlet(spring.getBean(DataSource.class))),
				"/health/*");
		server.setHandler(context);
		AccessLog accessLog = new AccessLog();
		server.setRequestLog((request, response) -> {
			accessLog.log(request, response);
			firstAnswer.complete(null);
		});
		server.setStopTimeout(5_000);
		return server;
	}

	public int port() {
		return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
	}

	/** The FHIR base URL on loopback, e.g. {@code http://localhost:8080/fhir}. */
	public String baseUrl() {
		return "http://localhost:" + port() + "/fhir";
	}

	/**
	 * The path specs of every servlet this node serves ({@code /fhir/*}, {@code /auth/token}, {@code /health/*}, ...),
	 * features' routes included, so a test can check that each one is either open on purpose or needs a token.
	 */
	public List<String> servletPaths() {
		ServletContextHandler context = (ServletContextHandler) jetty.getHandler();
		return java.util.Arrays.stream(context.getServletHandler().getServletMappings())
				.flatMap(m -> java.util.Arrays.stream(m.getPathSpecs())).sorted().toList();
	}

	/**
	 * Completes when the work that runs after "ready" ({@link AfterServing}: validator warm-up, directory seed, IG
	 * publication, due index backfill) is done, successfully or not. Tests and tools wait for it to see a settled node.
	 */
	public CompletableFuture<Void> settled() {
		return settled;
	}

	/** What runs after "ready", in the order it runs ({@link AfterServing#what()}). */
	public List<String> afterServingSteps() {
		return afterServingSteps(spring).stream().map(AfterServing::what).toList();
	}

	public <T> T bean(Class<T> type) {
		return spring.getBean(type);
	}

	@Override
	public void close() {
		nativeMemoryTrim.close();
		stopQuietly(jetty);
		spring.close();
	}

	private static void stopQuietly(Server jetty) {
		if (jetty == null) {
			return;
		}
		try {
			jetty.stop();
		} catch (Exception e) {
			log.warn("Jetty did not stop cleanly: {}", e.getMessage());
		}
	}
}
