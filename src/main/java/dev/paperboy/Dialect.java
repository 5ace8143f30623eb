package dev.paperboy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database is behind the data source. The hot paths of a send run use PostgreSQL-only SQL (arrays,
 * data-modifying CTEs, LATERAL); H2, the embedded default, gets portable statements with the same effect.
 */
@ApplicationScoped
public class Dialect {

    private final DataSource db;
    private volatile Boolean postgres;

    Dialect(DataSource db) {
        this.db = db;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = db.getConnection()) {
                known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
            }
            postgres = known;
        }
        return known;
    }
}
