package dev.paperboy.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The database the child services share: PostgreSQL when the build is for it (-Ppostgres), otherwise an
 * H2 file in server mode, which lets a second process join the first one's database.
 */
public final class ItDatabase {

    final String url;
    final String user;

    ItDatabase(Path dir) {
        if ("postgresql".equals(System.getProperty("it.db.kind", "h2"))) {
            url = "jdbc:postgresql://127.0.0.1:5432/test";
            user = "postgres";
        } else {
            url = "jdbc:h2:file:" + dir.resolve("db/paperboy").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0";
            user = "sa";
        }
    }

    /** @param fresh whether this start wipes the schema first */
    Map<String, String> config(boolean fresh) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(fresh));
        return env;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Inserts confirmed subscribers directly: the sign-up flow has its own tests. */
    void confirmedSubscribers(int n, String prefix, String keywords) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "insert into subscriber (email, status, keywords, hard_bounces, created_at, confirmed_at)"
                        + " values (?, 'CONFIRMED', ?, 0, current_timestamp, current_timestamp)")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, prefix + i + "@example.org");
                ps.setString(2, keywords);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Map<String, Long> outboxStates() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = connect(); var rs = c.createStatement()
                .executeQuery("select state, count(*) from outbox group by state")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
