package org.cwh.deadlines;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import java.time.Clock;
import javax.sql.DataSource;
import org.cwh.config.DatabaseSettings;
import org.cwh.config.SettingsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Handoff deadlines: {@link DeadlineSweep} on its timer ({@code cwh.deadlines.sweep-every}, every minute by default;
 * {@code off} leaves it to {@link DeadlineSweep#sweep()} on demand) over the handoffs {@link DueIndex} says are due,
 * the hooks that keep that index in step with the writes ({@link DueMarker}), note acceptance
 * ({@link AcceptanceRecorder}), escalate high-risk screenings and no-shows at once ({@link ImmediateEscalation}) and
 * resolve a finished handoff's Flags ({@link FlagResolver}), all on HAPI's JPA interceptor service, and the index's
 * check after start ({@link DueBackfill}). Always on; the windows are {@link DeadlinesSettings}.
 */
@Configuration
public class DeadlinesConfig {

	@Bean
	public DeadlinesSettings deadlinesSettings(SettingsSource source) {
		return DeadlinesSettings.from(source);
	}

	@Bean
	DeadlineClaims deadlineClaims(DataSource dataSource) {
		DeadlineClaims claims = new DeadlineClaims(dataSource);
		claims.createTable();
		return claims;
	}

	@Bean
	DueIndex dueIndex(DataSource dataSource, DatabaseSettings db) {
		DueIndex index = new DueIndex(dataSource, db.kind() == DatabaseSettings.Kind.POSTGRESQL);
		index.createTables();
		return index;
	}

	@Bean
	DueMarker dueMarker(IInterceptorService storageInterceptors, DueIndex index, DaoRegistry daos, Clock clock) {
		return register(storageInterceptors, new DueMarker(index, daos, clock));
	}

	/** After the profiles' and the directory's start-up work. */
	@Bean
	@Order(40)
	DueBackfill dueBackfill(DueIndex index, DaoRegistry daos, DeadlinesSettings settings, Clock clock) {
		return new DueBackfill(index, daos, settings, clock);
	}

	@Bean
	Escalations escalations(DaoRegistry daos, IHapiTransactionService transactions, DeadlineClaims claims,
			Clock clock) {
		return new Escalations(daos, transactions, claims, clock);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	DeadlineSweep deadlineSweep(DaoRegistry daos, DeadlineClaims claims, DueIndex index, Escalations escalations,
			Clock clock, DeadlinesSettings settings) {
		return new DeadlineSweep(daos, new DeadlineCalculator(settings), new HandoffReader(daos, claims), escalations,
				clock, settings, index);
	}

	@Bean
	AcceptanceRecorder acceptanceRecorder(IInterceptorService storageInterceptors, DeadlineClaims claims,
			Clock clock) {
		return register(storageInterceptors, new AcceptanceRecorder(claims, clock));
	}

	@Bean
	FlagResolver flagResolver(IInterceptorService storageInterceptors, DaoRegistry daos, Clock clock) {
		return register(storageInterceptors, new FlagResolver(daos, clock));
	}

	@Bean
	ImmediateEscalation immediateEscalation(IInterceptorService storageInterceptors, DeadlineSweep sweep,
			IHapiTransactionService transactions) {
		return register(storageInterceptors, new ImmediateEscalation(sweep, transactions));
	}

	private static <T> T register(IInterceptorService storageInterceptors, T interceptor) {
		storageInterceptors.registerInterceptor(interceptor);
		return interceptor;
	}
}
