package org.cwh.workflow;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.cwh.config.RestfulServerContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warm handoff: the Task state table enforced on every write path ({@link TaskTransitionInterceptor}) and the
 * loop closed when a handoff completes ({@link ReferralCompletionInterceptor}), both on HAPI's JPA interceptor
 * service so REST, PATCH, transactions and internal writes all pass through them; and each referral's
 * {@code $timeline} ({@link TimelineOperation}); Task searches, the inbox polls, paged by offset rather than stored
 * ({@link TaskSearchPaging}). Always on.
 */
@Configuration
public class WorkflowConfig {

	@Bean
	TaskTransitionInterceptor taskTransitionInterceptor(IInterceptorService storageInterceptors) {
		TaskTransitionInterceptor interceptor = new TaskTransitionInterceptor(HandoffStateTable.REFERRAL);
		storageInterceptors.registerInterceptor(interceptor);
		return interceptor;
	}

	@Bean
	TaskSearchPaging taskSearchPaging(IInterceptorService storageInterceptors) {
		TaskSearchPaging paging = new TaskSearchPaging();
		storageInterceptors.registerInterceptor(paging);
		return paging;
	}

	@Bean
	RestfulServerContributor timelineOperation(DaoRegistry daos) {
		TimelineOperation operation = new TimelineOperation(daos);
		return server -> server.registerProvider(operation);
	}

	@Bean
	ReferralCompletionInterceptor referralCompletionInterceptor(IInterceptorService storageInterceptors,
			DaoRegistry daos) {
		ReferralCompletionInterceptor interceptor = new ReferralCompletionInterceptor(daos);
		storageInterceptors.registerInterceptor(interceptor);
		return interceptor;
	}
}
