package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cwh.config.DeferredQueryRepositoryFactoryBean.DeferredQuery;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/** A repository query built on its first call: not before, once, also when first calls race. */
class DeferredQueryTest {

	/** A query that answers with its parameters, as the built Spring Data query would answer with rows. */
	private record Echo(QueryMethod method) implements RepositoryQuery {
		@Override
		public Object execute(Object[] parameters) {
			return List.of(parameters);
		}

		@Override
		public QueryMethod getQueryMethod() {
			return method;
		}
	}

	@Test
	void nothingIsBuiltUntilTheFirstCallAndThenOnlyOnce() {
		AtomicInteger builds = new AtomicInteger();
		DeferredQuery query = new DeferredQuery(() -> {
			builds.incrementAndGet();
			return new Echo(null);
		}, null);

		assertThat(query.getQueryMethod()).isNull();
		assertThat(builds).hasValue(0);

		assertThat(query.execute(new Object[] {"a", 1})).isEqualTo(List.of("a", 1));
		assertThat(query.execute(new Object[] {"b"})).isEqualTo(List.of("b"));
		assertThat(builds).hasValue(1);
	}

	@Test
	void racingFirstCallsBuildItOnce() throws Exception {
		AtomicInteger builds = new AtomicInteger();
		DeferredQuery query = new DeferredQuery(() -> {
			builds.incrementAndGet();
			return new Echo(null);
		}, null);
		int callers = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Object>> answers = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Object[] parameters = {i};
				answers.add(pool.submit(() -> {
					start.await();
					return query.execute(parameters);
				}));
			}
			start.countDown();
			for (int i = 0; i < callers; i++) {
				assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(List.of(i));
			}
		} finally {
			pool.shutdownNow();
		}
		assertThat(builds).hasValue(1);
	}

	@Test
	void aQueryThatCannotBeBuiltFailsEachCallUntilItCan() {
		AtomicInteger builds = new AtomicInteger();
		DeferredQuery query = new DeferredQuery(() -> {
			if (builds.incrementAndGet() == 1) {
				throw new IllegalStateException("Validation failed for query");
			}
			return new Echo(null);
		}, null);

		assertThatThrownBy(() -> query.execute(new Object[0]))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("Validation failed");
		assertThat(query.execute(new Object[] {"x"})).isEqualTo(List.of("x"));
		assertThat(builds).hasValue(2);
	}
}
