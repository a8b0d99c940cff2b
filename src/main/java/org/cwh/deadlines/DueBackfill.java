package org.cwh.deadlines;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cwh.config.AfterServing;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@link DueIndex} in line with the store at start, as an {@link AfterServing} step (last: the sweep's next
 * minute is soon enough, validated writes are not), so no handoff falls through the cracks after an upgrade or a
 * change of windows:
 *
 * <ul>
 *   <li>until a start has finished it (state {@code backfilled}), every open handoff Task without a row gets one,
 *   due now: the handoffs stored before the index existed. The open handoffs are searched through HAPI and added a
 *   page at a time, so memory stays flat at any count; the first sweeps after it then check each once. A start that
 *   dies half way leaves the state unset and the next start goes through them again (rows already there stay as
 *   they are); two nodes starting together both add, and each row is added once.</li>
 *   <li>when the deadline windows differ from those the rows were planned with (state {@code windows}), every row is
 *   made due, to be planned again with the new ones.</li>
 * </ul>
 *
 * A failure is logged; the next start tries again. Declared by {@link DeadlinesConfig}.
 */
final class DueBackfill implements AfterServing {

	private static final Logger log = LoggerFactory.getLogger(DueBackfill.class);

	/** Open handoffs read and added at a time. */
	private static final int PAGE = 500;

	private final DueIndex index;
	private final DaoRegistry daos;
	private final DeadlinesSettings settings;
	private final Clock clock;

	DueBackfill(DueIndex index, DaoRegistry daos, DeadlinesSettings settings, Clock clock) {
		this.index = index;
		this.daos = daos;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public String what() {
		return "deadlines: due index backfill";
	}

	@Override
	public void run() {
		atStart();
	}

	/** What a start does: re-plans every row after a change of windows, adds the missing rows once; returns how many. */
	int atStart() {
		Optional<String> windows = index.state(DueIndex.WINDOWS);
		if (windows.isPresent() && !windows.get().equals(settings.windows())) {
			int due = index.markAll(clock.instant());
			log.info("deadlines: the windows changed ({} -> {}), {} handoffs due again", windows.get(),
					settings.windows(), due);
		}
		index.setState(DueIndex.WINDOWS, settings.windows());
		if (index.state(DueIndex.BACKFILLED).isPresent()) {
			return 0;
		}
		int added = addMissing();
		index.setState(DueIndex.BACKFILLED, clock.instant().toString());
		log.info("deadlines: {} open handoffs added to the due index", added);
		return added;
	}

	/** Adds a row, due now, for every open handoff Task that has none; returns how many it added. */
	int addMissing() {
		SearchParameterMap map = new SearchParameterMap();
		map.add("code", new TokenParam(DeadlineSweep.TASK_CODE_SYSTEM, "fulfill"));
		TokenOrListParam statuses = new TokenOrListParam();
		DeadlineSweep.OPEN_STATUSES.forEach(statuses::add);
		map.add("status", statuses);
		IBundleProvider found = daos.getResourceDao(Task.class).search(map, new SystemRequestDetails());
		int added = 0;
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = found.getResources(from, from + PAGE);
			if (page.isEmpty()) {
				return added;
			}
			List<DueIndex.Row> rows = new ArrayList<>(page.size());
			page.forEach(task -> rows.add(DueMarker.row((Task) task)));
			added += index.addMissing(rows, clock.instant());
		}
	}
}
