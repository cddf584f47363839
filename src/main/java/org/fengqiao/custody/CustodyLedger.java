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

    /**
     * The answer of {@code GET /api/custody-ledger/verification}: {@code valid} only when every entry
     * recomputes, follows its predecessor, the head row agrees, and the tree of the first
     * {@code treeSize} entries has the root of every published checkpoint.
     */
    public record Verification(boolean valid, long entries, Long firstInvalidSeq, Checkpoints checkpoints, String reason) {

        public record Checkpoints(int checked, boolean consistent) {
        }

        static Verification ok(long entries, int checked) {
            return new Verification(true, entries, null, new Checkpoints(checked, true), null);
        }
    }

    /** A checkpoint as published outside the database: the root of the first {@code treeSize} entries. */
    public record Published(long treeSize, byte[] rootHash, String source) {
    }

    /** A verification and, when valid, the Merkle root of the {@code treeSize} entries it walked. */
    public record Audit(Verification verification, long treeSize, byte[] rootHash) {
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

    /** The chain alone (no published checkpoints). */
    public Verification verify() {
        return audit(List.of()).verification();
    }

    /**
     * Walks the chain up to the head row read first (keyset on seq, in batches, never the whole chain
     * in memory), recomputing every hash and the RFC 9162 Merkle tree over the entries' chain hashes
     * (leaf data: the 32 raw bytes of {@code hash}). Reports the first entry whose seq, prevHash or
     * hash does not fit, a head row that disagrees, a published root the entries no longer give (an
     * entry changed and the chain recomputed), and a published tree larger than the ledger (entries
     * deleted, the ledger truncated or the database restored from an older backup).
     */
    @Transactional(readOnly = true)
    public Audit audit(List<Published> published) {
        List<Published> checkpoints = published.stream().sorted(java.util.Comparator.comparingLong(Published::treeSize)).toList();
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from custody_ledger_head where id = 1")
                .query().singleRow();
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        String lastHash = (String) head.get("last_hash");
        int batch = properties.verificationBatchSize();
        org.fengqiao.custody.ledger.MerkleTree.Accumulator tree = new org.fengqiao.custody.ledger.MerkleTree.Accumulator();
        long expectedSeq = 1;
        String prevHash = "";
        long entries = 0;
        int next = 0;
        int checked = 0;
        while (next < checkpoints.size() && checkpoints.get(next).treeSize() == 0) {
            next++;
            checked++;
        }
        while (true) {
            List<LedgerEntry> rows = jdbc.sql("select * from custody_ledger where seq >= ? and seq <= ? order by seq limit ?")
                    .params(expectedSeq, lastSeq, batch).query(CustodyLedger::map).list();
            for (LedgerEntry e : rows) {
                entries++;
                if (e.seq() != expectedSeq) {
                    return invalid(entries, expectedSeq, checked, "entry " + expectedSeq + " is missing (entries deleted)");
                }
                if (!prevHash.equals(e.prevHash())) {
                    return invalid(entries, e.seq(), checked, "entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
                            + " (its prevHash is not the hash before it)");
                }
                if (!hash(e.prevHash(), canonical(e.seq(), e.at(), e.eventType(), e.itemId(), e.actor(),
                        e.fromStatus(), e.toStatus(), e.details())).equals(e.hash())) {
                    return invalid(entries, e.seq(), checked, "entry " + e.seq() + " does not match its hash (changed after it was written)");
                }
                tree.add(org.fengqiao.custody.ledger.MerkleTree.leafHash(HexFormat.of().parseHex(e.hash())));
                prevHash = e.hash();
                expectedSeq++;
                while (next < checkpoints.size() && checkpoints.get(next).treeSize() == tree.size()) {
                    Published c = checkpoints.get(next++);
                    if (!java.util.Arrays.equals(tree.root(), c.rootHash())) {
                        return new Audit(new Verification(false, entries, null, new Verification.Checkpoints(checked + 1, false),
                                "the first " + c.treeSize() + " entries no longer give the root hash signed in " + c.source()
                                        + " (entries changed and the chain recomputed)"), 0, null);
                    }
                    checked++;
                }
            }
            if (rows.size() < batch) {
                break;
            }
        }
        if (lastSeq != expectedSeq - 1 || !prevHash.equals(lastHash)) {
            return invalid(entries, Math.min(lastSeq, expectedSeq), checked, "the head row (last seq " + lastSeq
                    + ") does not match the chain's last entry (" + (expectedSeq - 1) + ")");
        }
        if (next < checkpoints.size()) {
            Published c = checkpoints.get(checkpoints.size() - 1);
            return new Audit(new Verification(false, entries, expectedSeq, new Verification.Checkpoints(checked + 1, false),
                    "the ledger has " + entries + " entries but " + c.source() + " was signed over " + c.treeSize()
                            + " (entries deleted, the ledger truncated or the database restored from an older backup)"), 0, null);
        }
        return new Audit(Verification.ok(entries, checked), tree.size(), tree.root());
    }

    private static Audit invalid(long entries, long seq, int checked, String reason) {
        return new Audit(new Verification(false, entries, seq, new Verification.Checkpoints(checked, true), reason), 0, null);
    }

    /** The leaf hashes (RFC 9162) of entries 1..treeSize, for inclusion proofs. */
    @Transactional(readOnly = true)
    public List<byte[]> leafHashes(long treeSize) {
        List<byte[]> leaves = new ArrayList<>((int) Math.min(treeSize, 1_000_000));
        int batch = Math.max(properties.verificationBatchSize(), 10_000);
        long from = 1;
        while (from <= treeSize) {
            List<String> hashes = jdbc.sql("select hash from custody_ledger where seq >= ? and seq <= ? order by seq limit ?")
                    .params(from, treeSize, batch).query(String.class).list();
            for (String h : hashes) {
                leaves.add(org.fengqiao.custody.ledger.MerkleTree.leafHash(HexFormat.of().parseHex(h)));
            }
            if (hashes.isEmpty()) {
                break;
            }
            from += hashes.size();
        }
        return leaves;
    }

    public static String canonical(long seq, OffsetDateTime at, String eventType, String itemId, String actor,
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

    public static String hash(String prevHash, String canonical) {
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
