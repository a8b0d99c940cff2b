package org.cwh.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The H2 settings the server adds to a URL, and that a URL's own settings win. */
class H2UrlTest {

	@Test
	void aPlainUrlGetsTheLockTimeoutTheStatementCacheAndClosesWithTheServer() {
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:./data/cwh"))
				.isEqualTo("jdbc:h2:file:./data/cwh;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE");
	}

	@Test
	void theUrlsOwnValuesWin() {
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:/x;lock_timeout=500;QUERY_CACHE_SIZE=16;db_close_on_exit=true"))
				.isEqualTo("jdbc:h2:file:/x;lock_timeout=500;QUERY_CACHE_SIZE=16;db_close_on_exit=true");
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:/x;QUERY_CACHE_SIZE=16"))
				.isEqualTo("jdbc:h2:file:/x;QUERY_CACHE_SIZE=16;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
	}

	@Test
	void anAutoServerUrlKeepsH2sOwnCloseWhichItCannotDoWithout() {
		assertThat(PersistenceConfig.h2Url("jdbc:h2:file:/x;AUTO_SERVER=TRUE"))
				.isEqualTo("jdbc:h2:file:/x;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256");
	}
}
