package org.cwh.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order of the running server's work after "ready": validated writes wait for the warm-up, the seed's writes
 * are validated, the publication matters to clients only, the deadline sweep runs once a minute anyway, and HAPI's
 * search-parameter identity table is read by no request.
 */
@ExtendWith(CwhServerExtension.class)
class AfterServingIT {

	@Test
	void theValidatorWarmsThenTheDirectoryIsSeededThenTheIgIsPublishedThenTheDueIndexIsBackfilledThenIdentitiesWritten() {
		assertThat(CwhServerExtension.server().afterServingSteps()).containsExactly("profiles: validator warm-up",
				"directory seed", "profiles: publication", "deadlines: due index backfill",
				"search parameter identities");
	}
}
