package org.fengqiao.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one global custody ledger (电子台账, S10 第189条; C21): a hash chain over every change of every
 * item. {@code hash = SHA-256(prevHash + canonical)} in lowercase hex, where {@code canonical} is the
 * JSON array {@code [seq, at, eventType, itemId, actor, fromStatus, toStatus, details]} with
 * {@code at} as a UTC instant in microseconds, absent values as {@code null} and {@code details} as
 * the stored JSON text. Appends lock the single head row, so they are serialised and join the
 * caller's transaction: the entry and the state change commit or roll back together.
 */
@Service
public class CustodyLedger {

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final JdbcClient jdbc;
    private final CustodyProperties properties;

    CustodyLedger(JdbcClient jdbc, CustodyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Verification(boolean valid, long entries, Long firstInvalidSeq) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry append(String itemId, String actor, PropertyItem.Change change, OffsetDateTime now) {
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from custody_ledger_head where id = 1 for update")
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = (String) head.get("last_hash");
        OffsetDateTime at = now.truncatedTo(ChronoUnit.MICROS);
        String details = json(change.details());
        String from = change.from() == null ? null : change.from().name();
        String to = change.to() == null ? null : change.to().name();
        String hash = hash(prevHash, canonical(seq, at, change.eventType().name(), itemId, actor, from, to, details));
        jdbc.sql("""
                insert into custody_ledger (seq, at, event_type, item_id, actor, from_status, to_status, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, at, change.eventType().name(), itemId, actor, from, to, details, prevHash, hash).update();
        jdbc.sql("update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
        return new LedgerEntry(seq, at, change.eventType().name(), itemId, actor, from, to, details, prevHash, hash);
    }

    public List<LedgerEntry> page(int page, int size) {
        long fromSeq = (long) page * size;
        // seq is dense (1, 2, 3 …), so a page is a key range: fast at any depth.
        return jdbc.sql("select * from custody_ledger where seq > ? and seq <= ? order by seq")
                .params(fromSeq, fromSeq + size).query(CustodyLedger::map).list();
    }

    public long count() {
        return jdbc.sql("select last_seq from custody_ledger_head where id = 1").query(Long.class).single();
    }

    public List<LedgerEntry> ofItem(String itemId) {
        return jdbc.sql("select * from custody_ledger where item_id = ? order by seq").param(itemId)
                .query(CustodyLedger::map).list();
    }

    /**
     * Walks the whole chain in batches (keyset on seq), recomputing every hash; reports the first
     * entry whose seq, prevHash or hash does not fit, including entries missing at the end (the
     * head row remembers the last seq and hash).
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        int batch = properties.verificationBatchSize();
        long expectedSeq = 1;
        String prevHash = "";
        long entries = 0;
        while (true) {
            List<LedgerEntry> rows = jdbc.sql("select * from custody_ledger where seq >= ? order by seq limit ?")
                    .params(expectedSeq, batch).query(CustodyLedger::map).list();
            for (LedgerEntry e : rows) {
                entries++;
                boolean ok = e.seq() == expectedSeq && prevHash.equals(e.prevHash())
                        && hash(e.prevHash(), canonical(e.seq(), e.at(), e.eventType(), e.itemId(), e.actor(),
                        e.fromStatus(), e.toStatus(), e.details())).equals(e.hash());
                if (!ok) {
                    return new Verification(false, entries, Math.min(e.seq(), expectedSeq));
                }
                prevHash = e.hash();
                expectedSeq++;
            }
            if (rows.size() < batch) {
                break;
            }
        }
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from custody_ledger_head where id = 1")
                .query().singleRow();
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        if (lastSeq != expectedSeq - 1 || !prevHash.equals(head.get("last_hash"))) {
            return new Verification(false, entries, Math.min(lastSeq, expectedSeq));
        }
        return new Verification(true, entries, null);
    }

    static String canonical(long seq, OffsetDateTime at, String eventType, String itemId, String actor,
                            String fromStatus, String toStatus, String details) {
        List<Object> fields = new ArrayList<>();
        fields.add(seq);
        fields.add(at.toInstant().truncatedTo(ChronoUnit.MICROS).toString());
        fields.add(eventType);
        fields.add(itemId);
        fields.add(actor);
        fields.add(fromStatus);
        fields.add(toStatus);
        fields.add(details);
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String prevHash, String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((prevHash + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return CANONICAL.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime(),
                rs.getString("event_type"), rs.getString("item_id"), rs.getString("actor"),
                rs.getString("from_status"), rs.getString("to_status"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
