package org.cwh.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Lets H2 answer HAPI's look-up of resources by type and id through an index instead of a scan of
 * {@code HFJ_RESOURCE}. HAPI resolves the references of every write (each batch or transaction entry, each create
 * with references) in one query shaped {@code where (t.RES_TYPE=? and t.FHIR_ID=? or t.RES_TYPE=? and t.FHIR_ID=? …)}
 * ({@code IdHelperService.resolveResourceIdentitiesForFhirIdsUsingDatabase}). PostgreSQL answers that with a bitmap
 * OR over the unique index; H2 2.3 uses no index for an OR of ANDs and reads the whole table, so every write cost
 * a scan of every stored resource: 55 Tasks/s once the database held tens of thousands. The same condition written
 * as a row-value IN, {@code (t.RES_TYPE,t.FHIR_ID) in ((?,?),(?,?) …)}, H2 answers through {@code IDX_RES_FHIR_ID}.
 * The parameters keep their number and order, so Hibernate binds them unchanged, and for the non-null values HAPI
 * binds the two conditions select the same rows.
 *
 * <p>Only that exact shape is rewritten (at least two type-and-id pairs on one table alias, nothing else inside
 * the parentheses); every other statement passes through untouched. Set as Hibernate's statement inspector for H2
 * only, by {@link PersistenceConfig}.
 */
public final class H2IdentityLookups implements StatementInspector {

	private static final String PAIR = "(\\w+)\\.RES_TYPE=\\? and \\1\\.FHIR_ID=\\?";
	private static final Pattern LOOKUP =
			Pattern.compile("\\(" + PAIR + "((?: or \\1\\.RES_TYPE=\\? and \\1\\.FHIR_ID=\\?)+)\\)");
	/** A cheap test first: nearly all statements are not this one. */
	private static final String MARKER = ".FHIR_ID=? or ";

	@Override
	public String inspect(String sql) {
		if (!sql.contains(MARKER)) {
			return sql;
		}
		Matcher matcher = LOOKUP.matcher(sql);
		StringBuilder rewritten = new StringBuilder(sql.length());
		while (matcher.find()) {
			String alias = matcher.group(1);
			int pairs = 1 + count(matcher.group(2), " or ");
			StringBuilder in = new StringBuilder("((").append(alias).append(".RES_TYPE,").append(alias)
					.append(".FHIR_ID) in (");
			for (int i = 0; i < pairs; i++) {
				in.append(i == 0 ? "(?,?)" : ",(?,?)");
			}
			matcher.appendReplacement(rewritten, Matcher.quoteReplacement(in.append("))").toString()));
		}
		matcher.appendTail(rewritten);
		return rewritten.toString();
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			n++;
		}
		return n;
	}
}
