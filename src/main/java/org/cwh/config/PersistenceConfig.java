package org.cwh.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.dao.data.IResourceIndexedSearchParamIdentityDao;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.sp.SearchParamIdentityCacheSvcImpl;
import ca.uhn.fhir.jpa.util.MemoryCacheService;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HAPI FHIR JPA (R4) on our DataSource: the HAPI configurations the JPA server needs, plus the beans HAPI expects its
 * host to supply (storage settings, entity manager factory, transaction manager, binary storage). Imported by the
 * server; features add their own beans in their own packages, never here.
 */
@Configuration
@Import({JpaR4Config.class, HapiJpaConfig.class, ThreadPoolFactoryConfig.class, JpaBatch2Config.class,
	Batch2JobsConfig.class, SubscriptionChannelConfig.class, FhirJpaEndpoint.class})
public class PersistenceConfig {

	/** HAPI's repositories are created on first use, not at start-up; static, as a bean factory post-processor. */
	@Bean
	public static LazyRepositories lazyRepositories() {
		return new LazyRepositories();
	}

	@Bean
	public DatabaseSettings databaseSettings(SettingsSource source) {
		return DatabaseSettings.from(source);
	}

	/**
	 * Both connection pools ({@link ConnectionPools}); the side one holds a connection per core, for the threads that
	 * validate transactions beside their writes.
	 */
	@Bean(destroyMethod = "close")
	public ConnectionPools dataSource(DatabaseSettings db) {
		return ConnectionPools.open(db, db.kind() == DatabaseSettings.Kind.H2 ? h2Url(db.url()) : db.url(),
				Runtime.getRuntime().availableProcessors());
	}

	/**
	 * H2's defaults, where the URL does not set them: a lock wait is answered after one second, and parallel
	 * conditional creates of one resource can wait longer than that for the winner to commit, so ten; and each
	 * connection keeps only 8 parsed statements, while HAPI's searches cycle through dozens of distinct ones (the
	 * search, its includes, loading the resources, storing the search), so H2 parsed SQL again on most calls (8% of
	 * the inbox query's CPU), so 256. And H2 closes a database from its own shutdown hook when the JVM exits, beside
	 * ours instead of after it: work still running then (HAPI's search parameter identity writes, for a while after a
	 * first start) failed on a closed database and logged a hundred ERROR stack traces on every early Ctrl-C. The
	 * database closes when our shutdown closes the pool; except with {@code AUTO_SERVER=TRUE}, which H2 refuses to
	 * combine with that, so such a URL keeps H2's own close.
	 */
	static String h2Url(String url) {
		String upper = url.toUpperCase(java.util.Locale.ROOT);
		StringBuilder withDefaults = new StringBuilder(url);
		if (!upper.contains(";LOCK_TIMEOUT=")) {
			withDefaults.append(";LOCK_TIMEOUT=10000");
		}
		if (!upper.contains(";QUERY_CACHE_SIZE=")) {
			withDefaults.append(";QUERY_CACHE_SIZE=256");
		}
		if (!upper.contains(";DB_CLOSE_ON_EXIT=") && !upper.contains(";AUTO_SERVER=TRUE")) {
			withDefaults.append(";DB_CLOSE_ON_EXIT=FALSE");
		}
		return withDefaults.toString();
	}

	@Bean
	public JpaStorageSettings jpaStorageSettings() {
		JpaStorageSettings settings = new JpaStorageSettings();
		// A search answers what is stored now: a referral created a second ago must show up in the inbox.
		settings.setReuseCachedSearchResultsForMillis(null);
		settings.setAutoCreatePlaceholderReferenceTargets(false);
		settings.setEnforceReferentialIntegrityOnWrite(true);
		settings.setEnforceReferentialIntegrityOnDelete(true);
		settings.setAllowMultipleDelete(false);
		settings.setExpungeEnabled(false);
		settings.setDeleteExpungeEnabled(false);
		settings.setAllowExternalReferences(false);
		// Pre-expansion into the terminology tables needs Hibernate Search (a Lucene index), which this server does
		// not run: the scheduled job only logged HSEARCH800001 for every IG ValueSet. Validation and $expand expand
		// our small ValueSets in memory instead.
		settings.setEnableTaskPreExpandValueSets(false);
		settings.setPreExpandValueSets(false);
		return settings;
	}

	/**
	 * Replaces HAPI's bean of this name ({@code JpaConfig}): HAPI's identity service starts after "ready", and the
	 * identities asked for before wait for it ({@link DeferredSearchParamIdentities}). The last after-serving step:
	 * the identity table is read by no request.
	 */
	@Bean
	@Order(50)
	public DeferredSearchParamIdentities searchParamIdentityCacheSvc(JpaStorageSettings storageSettings,
			ObjectProvider<IResourceIndexedSearchParamIdentityDao> identities, PlatformTransactionManager transactions,
			MemoryCacheService memory) {
		// Each identity in a transaction of its own, as HAPI's service writes them: a row another node wrote first
		// fails only its own insert, which HAPI's task then finds.
		TransactionTemplate eachOnItsOwn = new TransactionTemplate(transactions);
		eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new DeferredSearchParamIdentities(() -> {
			SearchParamIdentityCacheSvcImpl hapi = new SearchParamIdentityCacheSvcImpl(storageSettings,
					identities.getObject(), transactions, memory);
			hapi.start();
			return hapi;
		}, (hash, resourceType, paramName) -> new SearchParamIdentityCacheSvcImpl.PersistSearchParameterIdentityTask
				.Builder().hashIdentity(hash).resourceType(resourceType).paramName(paramName)
				.memoryCacheService(memory).txTemplate(eachOnItsOwn).searchParamIdentityDao(identities.getObject())
				.build().call());
	}

	/**
	 * Replaces HAPI's bean of this name ({@code SearchParamConfig}): the same extractor, its FHIRPath engine told the
	 * core types without parsing every core StructureDefinition ({@link CoreTypesSearchParamExtractor}).
	 */
	@Bean
	public ISearchParamExtractor searchParamExtractor() {
		return new CoreTypesSearchParamExtractor(CoreTypeDefinitions.r4());
	}

	/** Replaces HAPI's bean of this name ({@code JpaConfig}): the scheduler starts once the node serves. */
	@Bean
	@Order(0)
	public DeferredScheduler schedulerService() {
		return new DeferredScheduler();
	}

	@Bean
	SearchIndexes searchIndexes(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
		return new SearchIndexes(dataSource, entityManagerFactory);
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	public SubscriptionSettings subscriptionSettings() {
		return new SubscriptionSettings();
	}

	@Bean
	public IBinaryStorageSvc binaryStorageSvc() {
		return new DatabaseBinaryContentStorageSvcImpl();
	}

	@Primary
	@Bean
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beans,
			FhirContext fhirContext, JpaStorageSettings storageSettings, DataSource dataSource, DatabaseSettings db) {
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		factory.setJpaPropertyMap(jpaProperties(db.kind()));
		// Hibernate builds its metamodel and updates the schema on a second thread while Spring creates the beans
		// that do not need the database yet; the first bean that uses the factory waits for it.
		factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor("cwh-jpa-bootstrap-"));
		return factory;
	}

	static Map<String, Object> jpaProperties(DatabaseSettings.Kind kind) {
		Map<String, Object> p = new HashMap<>();
		// HAPI reads the dialect from this map (HibernatePropertiesProvider), so it must be explicit.
		p.put("hibernate.dialect", kind == DatabaseSettings.Kind.H2
				? HapiFhirH2Dialect.class.getName()
				: HapiFhirPostgresDialect.class.getName());
		p.put("hibernate.hbm2ddl.auto", "update");
		p.put("hibernate.search.enabled", "false");
		p.put("hibernate.jdbc.batch_size", "20");
		p.put("hibernate.order_inserts", "true");
		p.put("hibernate.order_updates", "true");
		p.put("hibernate.format_sql", "false");
		p.put("hibernate.show_sql", "false");
		p.put("hibernate.cache.use_query_cache", "false");
		p.put("hibernate.cache.use_second_level_cache", "false");
		p.put("hibernate.cache.use_structured_entries", "false");
		p.put("hibernate.cache.use_minimal_puts", "false");
		p.put("hibernate.archive.scanner", "org.hibernate.boot.archive.scan.internal.DisabledScanner");
		if (kind == DatabaseSettings.Kind.H2) {
			// H2 scans HFJ_RESOURCE for HAPI's reference look-ups unless they are written as a row-value IN.
			p.put("hibernate.session_factory.statement_inspector", new H2IdentityLookups());
		}
		return p;
	}

	@Primary
	@Bean
	public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}
}
