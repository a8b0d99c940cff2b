package org.cwh.security;

import java.util.List;
import javax.sql.DataSource;
import org.cwh.config.CatalogStatements;

/**
 * The tables authentication keeps beside HAPI's: registered clients, used client-assertion ids (replay refused on
 * every node) and the server's signing key. Not FHIR data and never served under {@code /fhir}. Created at start with
 * {@code CREATE TABLE IF NOT EXISTS}, the same statements on H2 and PostgreSQL.
 */
final class AuthTables {

	private static final List<String> DDL = List.of("""
			CREATE TABLE IF NOT EXISTS cwh_auth_client (
			  client_id VARCHAR(200) NOT NULL PRIMARY KEY,
			  jwks VARCHAR(100000),
			  secret_hash VARCHAR(500),
			  organization_id VARCHAR(64) NOT NULL,
			  roles VARCHAR(200) NOT NULL,
			  scopes VARCHAR(4000) NOT NULL,
			  active BOOLEAN NOT NULL,
			  created TIMESTAMP WITH TIME ZONE NOT NULL,
			  updated TIMESTAMP WITH TIME ZONE NOT NULL)""", """
			CREATE TABLE IF NOT EXISTS cwh_auth_jti (
			  client_id VARCHAR(200) NOT NULL,
			  jti VARCHAR(200) NOT NULL,
			  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
			  PRIMARY KEY (client_id, jti))""",
			"CREATE INDEX IF NOT EXISTS cwh_auth_jti_expires ON cwh_auth_jti (expires_at)", """
			CREATE TABLE IF NOT EXISTS cwh_auth_key (
			  kid VARCHAR(100) NOT NULL PRIMARY KEY,
			  jwk VARCHAR(20000) NOT NULL,
			  created TIMESTAMP WITH TIME ZONE NOT NULL)""");

	private AuthTables() {}

	/**
	 * Creates what is missing. Two PostgreSQL nodes creating the same table at once can collide in the catalog; the
	 * loser tries again and then finds the table there.
	 */
	static void create(DataSource dataSource) {
		CatalogStatements.createMissing(dataSource, DDL, "the authentication tables");
	}
}
