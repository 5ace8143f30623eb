package dev.paperboy.subscriber;

import dev.paperboy.Dialect;
import dev.paperboy.mail.RecipientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the recipients of a batch of emails in one query, without entities: a send run reads one per email.
 * One primary-key probe per id, whatever the table's statistics say: as an IN list of 500, and as a join with
 * the array, PostgreSQL planned a scan of every subscriber per batch, which a run of a million repeats 2,000
 * times. On PostgreSQL the lookup is a LATERAL subquery kept from being flattened into a join ({@code offset 0});
 * H2 has no LATERAL and gets the plain join.
 */
@ApplicationScoped
public class Recipients implements RecipientAddresses {

    /** What composing an email needs to know about its recipient. */
    public record Recipient(long id, String email, boolean confirmed, Keywords keywords) {}

    private static final String COLUMNS = "select s.id, s.email, s.status, s.keywords from unnest(cast(? as bigint array)) as r(id)";
    private static final String BY_IDS_POSTGRES = COLUMNS
            + " cross join lateral (select * from subscriber where id = r.id offset 0) s";
    private static final String BY_IDS = COLUMNS + " join subscriber s on s.id = r.id";

    private final DataSource db;
    private final Dialect dialect;

    Recipients(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** @return the subscribers that still exist among {@code ids}, by id */
    public Map<Long, Recipient> byIds(Collection<Long> ids) {
        Map<Long, Recipient> found = new HashMap<>(ids.size() * 2);
        String sql = dialect.isPostgres() ? BY_IDS_POSTGRES : BY_IDS;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    found.put(id, new Recipient(id, rs.getString(2),
                            SubscriberStatus.CONFIRMED.name().equals(rs.getString(3)), Keywords.ofStored(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read recipients: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public Map<Long, String> addressesOf(Collection<Long> subscriberIds) {
        Map<Long, String> addresses = new HashMap<>();
        if (!subscriberIds.isEmpty()) {
            byIds(Set.copyOf(subscriberIds)).forEach((id, r) -> addresses.put(id, r.email()));
        }
        return addresses;
    }
}
