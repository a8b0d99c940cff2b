package org.cwh.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cwh.security.Caller.Role;

/**
 * The clients of the built-in authorization server, in the database so every node sees a registration, a change or a
 * deactivation at once. Used by the token endpoint, the bearer check ({@link #isActive}), the admin API at
 * {@code /auth/clients}, the {@code client} command of the jar and the demo. Public for the test extension and the
 * command; features read only {@link Caller}.
 */
public final class ClientRegistry {

	private static final String COLUMNS =
			"client_id, jwks, secret_hash, organization_id, roles, scopes, active, created";

	private final DataSource dataSource;
	private final Predicate<String> organizationExists;
	private final Clock clock;

	/**
	 * @param organizationExists whether an Organization with this logical id is stored (registration refuses others)
	 */
	ClientRegistry(DataSource dataSource, Predicate<String> organizationExists, Clock clock) {
		this.dataSource = dataSource;
		this.organizationExists = organizationExists;
		this.clock = clock;
	}

	/**
	 * What a registration or a change says; null fields of a change stay as they are.
	 *
	 * @param secret a client secret in clear; stored only as a {@link SecretHash}
	 */
	public record Registration(String organizationId, Set<Role> roles, List<String> scopes, String jwks,
			String secret, Boolean active) {}

	/** Registers a new client; refuses a taken id, an unknown Organization and an unusable key or scope. */
	public RegisteredClient register(String clientId, Registration r) {
		if (r.organizationId() == null || r.roles() == null || r.scopes() == null) {
			throw new IllegalArgumentException("a registration names organization, roles and scopes");
		}
		if (r.jwks() != null && r.secret() != null) {
			throw new IllegalArgumentException("register either a jwks or a secret, not both");
		}
		RegisteredClient client = new RegisteredClient(clientId, r.jwks(),
				r.secret() == null ? null : SecretHash.of(r.secret()), r.organizationId(), r.roles(), r.scopes(),
				r.active() == null || r.active(), clock.instant());
		requireOrganization(client.organizationId());
		if (find(clientId).isPresent()) {
			throw new ClientExists(clientId);
		}
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("INSERT INTO cwh_auth_client (" + COLUMNS
						+ ", updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			bind(s, client);
			s.setObject(9, utc(client.created()));
			s.executeUpdate();
			return client;
		} catch (SQLException e) {
			if (find(clientId).isPresent()) {
				throw new ClientExists(clientId);
			}
			throw new IllegalStateException("cannot store client " + clientId + ": " + e.getMessage(), e);
		}
	}

	/** Changes the fields a change names; returns the client as stored, or empty when there is none by that id. */
	public Optional<RegisteredClient> update(String clientId, Registration change) {
		Optional<RegisteredClient> found = find(clientId);
		if (found.isEmpty()) {
			return found;
		}
		RegisteredClient old = found.get();
		if (change.jwks() != null && change.secret() != null) {
			throw new IllegalArgumentException("give either a jwks or a secret, not both");
		}
		String jwks = change.jwks() != null ? change.jwks() : change.secret() != null ? null : old.jwks();
		String hash = change.secret() != null ? SecretHash.of(change.secret())
				: change.jwks() != null ? null : old.secretHash();
		RegisteredClient updated = new RegisteredClient(clientId, jwks, hash,
				change.organizationId() == null ? old.organizationId() : change.organizationId(),
				change.roles() == null ? old.roles() : change.roles(),
				change.scopes() == null ? old.scopes() : change.scopes(),
				change.active() == null ? old.active() : change.active(), old.created());
		if (!updated.organizationId().equals(old.organizationId())) {
			requireOrganization(updated.organizationId());
		}
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("UPDATE cwh_auth_client SET jwks = ?, secret_hash = ?, "
						+ "organization_id = ?, roles = ?, scopes = ?, active = ?, updated = ? WHERE client_id = ?")) {
			s.setString(1, updated.jwks());
			s.setString(2, updated.secretHash());
			s.setString(3, updated.organizationId());
			s.setString(4, roles(updated.roles()));
			s.setString(5, String.join(" ", updated.scopes()));
			s.setBoolean(6, updated.active());
			s.setObject(7, utc(clock.instant()));
			s.setString(8, clientId);
			s.executeUpdate();
			return Optional.of(updated);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot update client " + clientId + ": " + e.getMessage(), e);
		}
	}

	public Optional<RegisteredClient> find(String clientId) {
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
						+ " FROM cwh_auth_client WHERE client_id = ?")) {
			s.setString(1, clientId);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() ? Optional.of(read(rs)) : Optional.empty();
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read client " + clientId + ": " + e.getMessage(), e);
		}
	}

	/** Every client, by id. */
	public List<RegisteredClient> list() {
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
						+ " FROM cwh_auth_client ORDER BY client_id");
				ResultSet rs = s.executeQuery()) {
			List<RegisteredClient> clients = new ArrayList<>();
			while (rs.next()) {
				clients.add(read(rs));
			}
			return clients;
		} catch (SQLException e) {
			throw new IllegalStateException("cannot list clients: " + e.getMessage(), e);
		}
	}

	/** Whether the client exists and is active: asked on every request that carries one of our tokens. */
	boolean isActive(String clientId) {
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT active FROM cwh_auth_client WHERE client_id = ?")) {
			s.setString(1, clientId);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read client " + clientId + ": " + e.getMessage(), e);
		}
	}

	/** Whether a client by this id is registered and inactive; an external token naming it is refused too. */
	boolean isDeactivated(String clientId) {
		return find(clientId).map(c -> !c.active()).orElse(false);
	}

	private void requireOrganization(String organizationId) {
		if (!organizationExists.test(organizationId)) {
			throw new IllegalArgumentException("Organization/" + organizationId
					+ " is not stored in this server; create it first");
		}
	}

	private static void bind(PreparedStatement s, RegisteredClient client) throws SQLException {
		s.setString(1, client.clientId());
		s.setString(2, client.jwks());
		s.setString(3, client.secretHash());
		s.setString(4, client.organizationId());
		s.setString(5, roles(client.roles()));
		s.setString(6, String.join(" ", client.scopes()));
		s.setBoolean(7, client.active());
		s.setObject(8, utc(client.created()));
	}

	private static RegisteredClient read(ResultSet rs) throws SQLException {
		Set<Role> roles = Arrays.stream(rs.getString("roles").split(" ")).filter(s -> !s.isEmpty())
				.map(Role::fromCode).collect(Collectors.toCollection(LinkedHashSet::new));
		List<String> scopes = Arrays.stream(rs.getString("scopes").split(" ")).filter(s -> !s.isEmpty()).toList();
		return new RegisteredClient(rs.getString("client_id"), rs.getString("jwks"), rs.getString("secret_hash"),
				rs.getString("organization_id"), roles, scopes, rs.getBoolean("active"),
				rs.getObject("created", OffsetDateTime.class).toInstant());
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().map(Role::code).sorted().collect(Collectors.joining(" "));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A registration under an id that is taken. */
	public static final class ClientExists extends IllegalStateException {
		ClientExists(String clientId) {
			super("client '" + clientId + "' is already registered");
		}
	}
}
