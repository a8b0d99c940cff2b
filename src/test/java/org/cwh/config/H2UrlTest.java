package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The H2 settings the server adds to a URL, and that a URL's own settings win. */
class H2UrlTest {

	@Test
	void aPlainUrlGetsTheLockTimeoutAndTheStatementCache() {
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:./data/cwh"))
				.isEqualTo("jdbc:h2:file:./data/cwh;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256");
	}

	@Test
	void theUrlsOwnValuesWin() {
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:/x;lock_timeout=500;QUERY_CACHE_SIZE=16"))
				.isEqualTo("jdbc:h2:file:/x;lock_timeout=500;QUERY_CACHE_SIZE=16");
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:/x;QUERY_CACHE_SIZE=16"))
				.isEqualTo("jdbc:h2:file:/x;QUERY_CACHE_SIZE=16;LOCK_TIMEOUT=10000");
	}
}
