package org.cwh.config;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.envers.DefaultRevisionEntity;
import org.springframework.data.envers.repository.support.EnversRevisionRepositoryFactoryBean;
import org.springframework.data.envers.repository.support.EnversRevisionRepositoryImpl;
import org.springframework.data.envers.repository.support.ReflectionRevisionEntityInformation;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.history.RevisionRepository;
import org.springframework.data.repository.history.support.RevisionEntityInformation;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.QueryMethodEvaluationContextProvider;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * HAPI's repository factory bean ({@link EnversRevisionRepositoryFactoryBean}, which its
 * {@code @EnableJpaRepositories} names) with each {@code @Query} method's query built on its first call instead of
 * when the repository is created. Spring Data parses every declared query of a repository (with its own ANTLR HQL
 * grammar) and has Hibernate parse and validate it again as soon as the repository exists: HAPI's
 * {@code IResourceTableDao} alone declares dozens, and the first HAPI call that touched it during start-up paid for all
 * of them, with cold parsers, on the main thread. Built on first call, each query costs the same once, and only the
 * queries in use are built; Hibernate caches each interpretation for later calls as before. A query that does not
 * parse fails on its first call instead of at start-up, with the same exception.
 *
 * <p>The factory it makes is Envers' own, rebuilt because Envers keeps its class private: the revision repository
 * fragment first, then the JPA ones. Put in place of HAPI's factory beans by {@link LazyRepositories}.
 */
public class DeferredQueryRepositoryFactoryBean<T extends RevisionRepository<S, ID, N>, S, ID,
		N extends Number & Comparable<N>> extends EnversRevisionRepositoryFactoryBean<T, S, ID, N> {

	private Class<?> revisionEntityClass;

	public DeferredQueryRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	// The parent keeps it private; its factory method, which this class replaces, is its only reader.
	@Override
	public void setRevisionEntityClass(Class<?> revisionEntityClass) {
		super.setRevisionEntityClass(revisionEntityClass);
		this.revisionEntityClass = revisionEntityClass;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory(EntityManager entityManager) {
		return new DeferredQueryFactory(entityManager, revisionEntityClass);
	}

	/** Envers' revision repository factory, whose query lookup hands out queries built on first call. */
	private static final class DeferredQueryFactory extends JpaRepositoryFactory {

		private final RevisionEntityInformation revisionEntityInformation;
		private final EntityManager entityManager;

		DeferredQueryFactory(EntityManager entityManager, Class<?> revisionEntityClass) {
			super(entityManager);
			this.entityManager = entityManager;
			this.revisionEntityInformation = Optional.<Class<?>>ofNullable(revisionEntityClass)
					.filter(type -> !type.equals(DefaultRevisionEntity.class))
					.<RevisionEntityInformation>map(ReflectionRevisionEntityInformation::new)
					.orElseGet(DefaultRevisions::new);
		}

		@Override
		protected RepositoryFragments getRepositoryFragments(RepositoryMetadata metadata) {
			Object revisions = getTargetRepositoryViaReflection(EnversRevisionRepositoryImpl.class,
					getEntityInformation(metadata.getDomainType()), revisionEntityInformation, entityManager);
			return RepositoryFragments.just(revisions).append(super.getRepositoryFragments(metadata));
		}

		@Override
		protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
				QueryMethodEvaluationContextProvider evaluationContextProvider) {
			return super.getQueryLookupStrategy(key, evaluationContextProvider).map(DeferredLookup::new);
		}
	}

	/** Envers' default revision entity, as its package-private {@code DefaultRevisionEntityInformation} says. */
	private static final class DefaultRevisions implements RevisionEntityInformation {
		@Override
		public Class<?> getRevisionNumberType() {
			return Integer.class;
		}

		@Override
		public boolean isDefaultRevisionEntity() {
			return true;
		}

		@Override
		public Class<?> getRevisionEntityClass() {
			return DefaultRevisionEntity.class;
		}
	}

	/**
	 * Resolves each method's query with the real strategy when the method is first called. Its query method, which
	 * Spring Data lists for every repository it creates, is described at once in store-neutral terms: the JPA one
	 * parses the query already.
	 */
	private record DeferredLookup(QueryLookupStrategy strategy) implements QueryLookupStrategy {
		@Override
		public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
				NamedQueries namedQueries) {
			return new DeferredQuery(() -> strategy.resolveQuery(method, metadata, factory, namedQueries),
					new QueryMethod(method, metadata, factory));
		}
	}

	/** One method's query, built once by the first call, under a lock so concurrent first calls build it once. */
	static final class DeferredQuery implements RepositoryQuery {

		private final Supplier<RepositoryQuery> build;
		private final QueryMethod method;
		private volatile RepositoryQuery query;

		DeferredQuery(Supplier<RepositoryQuery> build, QueryMethod method) {
			this.build = build;
			this.method = method;
		}

		RepositoryQuery query() {
			RepositoryQuery built = query;
			if (built == null) {
				synchronized (this) {
					built = query;
					if (built == null) {
						built = build.get();
						query = built;
					}
				}
			}
			return built;
		}

		@Override
		public Object execute(Object[] parameters) {
			return query().execute(parameters);
		}

		/** The built query's method once there is one; until then the same method, described without a query. */
		@Override
		public QueryMethod getQueryMethod() {
			RepositoryQuery built = query;
			return built == null ? method : built.getQueryMethod();
		}
	}
}
