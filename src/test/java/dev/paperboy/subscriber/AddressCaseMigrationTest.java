package dev.paperboy.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 merges subscribers whose addresses differ only in case, keeping the most protective state, on the
 * database the suite runs against (H2 or PostgreSQL), in a schema of its own.
 */
class AddressCaseMigrationTest {

    private static final String URL = System.getProperty("quarkus.datasource.jdbc.url",
            "jdbc:h2:mem:paperboy;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    private static final String USER = System.getProperty("quarkus.datasource.username", "sa");
    private static final String KIND = System.getProperty("quarkus.datasource.db-kind", "h2");
    private static final String SCHEMA = "migration_test";

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, USER, "").schemas(SCHEMA).cleanDisabled(false)
                .locations("classpath:db/migration", "classpath:db/" + KIND).target(target).load();
    }

    @Test
    void duplicatesByCaseMergeIntoTheMostProtectiveRow() throws Exception {
        Flyway before = flyway("5");
        before.clean();
        before.migrate();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            insert(st, "Ann@Example.org", "CONFIRMED");
            insert(st, "ann@example.org", "UNSUBSCRIBED");
            insert(st, "BOB@example.org", "PENDING");
            insert(st, "bob@example.org", "CONFIRMED");
            insert(st, "Cy@example.org", "CONFIRMED");
            insert(st, "cy@EXAMPLE.org", "CONFIRMED");
            insert(st, "dee@example.org", "SUPPRESSED");
            insert(st, "DEE@example.org", "CONFIRMED");
        }
        flyway("latest").migrate();
        List<String> rows = new ArrayList<>();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select email, status, keywords from subscriber order by email")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        assertEquals(List.of(
                "ann@example.org UNSUBSCRIBED ann@example.org",
                "bob@example.org CONFIRMED bob@example.org",
                "cy@example.org CONFIRMED Cy@example.org",
                "dee@example.org SUPPRESSED dee@example.org"), rows);
        flyway("latest").clean();
    }

    private static Connection connection() throws Exception {
        Connection c = DriverManager.getConnection(URL, USER, "");
        c.setSchema(SCHEMA);
        return c;
    }

    /** The keywords record which original row survived. */
    private static void insert(Statement st, String email, String status) throws Exception {
        st.execute("insert into subscriber (email, status, keywords, created_at) values ('" + email + "', '" + status
                + "', '" + email + "', current_timestamp)");
    }
}
