package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.fengqiao.custody.ledger.LedgerProperties;
import org.fengqiao.custody.ledger.MerkleTree;
import org.fengqiao.custody.ledger.SignedNote;
import org.fengqiao.custody.ledger.VerifyReceipt;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signed checkpoints, verification against them and receipts (issue 12), through the REST facade
 * as the demo users; the tampering is done behind the application's back with SQL, as a database
 * administrator would.
 */
@FengqiaoTest
class CustodyLedgerCheckpointTest extends CustodyApiSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerProperties properties;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    JsonNode signCheckpoint() throws Exception {
        return read(mvc.perform(post("/api/custody-ledger/checkpoints").with(httpBasic("admin", "demo")))
                .andExpect(status().isCreated()));
    }

    PublicKey publicKey() throws Exception {
        JsonNode key = read(getAs("officer1", "/api/custody-ledger/public-key").andExpect(status().isOk()));
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        return VerifyReceipt.readPublicKey(key.toString());
    }

    @Test
    void checkpointsAreSignedByAdminsAsSignedNotesOverTheRfc9162RootAndPublishedAsFiles() throws Exception {
        register("officer1", openPoliceCase(), "GENERAL", "GENERAL");
        mvc.perform(post("/api/custody-ledger/checkpoints").with(httpBasic("custodian", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));

        JsonNode checkpoint = signCheckpoint();
        long size = checkpoint.get("treeSize").asLong();
        assertThat(size).isEqualTo(jdbc.queryForObject("select count(*) from custody_ledger", Long.class));
        assertThat(checkpoint.get("rootHash").asText()).matches("[0-9a-f]{64}");
        assertThat(checkpoint.get("keyId").asText()).matches("[0-9a-f]{8}");

        // the root is RFC 9162's over the entries' chain hashes as the API lists them
        List<byte[]> leaves = new ArrayList<>();
        for (int page = 0; leaves.size() < size; page++) {
            JsonNode entries = read(getAs("custodian", "/api/custody-ledger?size=200&page=" + page)).get("items");
            entries.forEach(e -> leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(e.get("hash").asText()))));
        }
        assertThat(HexFormat.of().formatHex(MerkleTree.root(leaves.subList(0, (int) size))))
                .isEqualTo(checkpoint.get("rootHash").asText());

        // the note: origin, size, base64 root, signedAt, blank line, "— <key name> base64(key hash || signature)"
        String note = checkpoint.get("note").asText();
        String[] lines = note.split("\n", -1);
        assertThat(lines[0]).isEqualTo("fengqiao.custody-ledger/local");
        assertThat(lines[1]).isEqualTo(String.valueOf(size));
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(lines[2]))).isEqualTo(checkpoint.get("rootHash").asText());
        assertThat(lines[3]).isEqualTo("signedAt " + checkpoint.get("signedAt").asText());
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).startsWith("\u2014 fengqiao.custody-ledger/local ");
        byte[] keyAndSig = Base64.getDecoder().decode(lines[5].substring(lines[5].lastIndexOf(' ') + 1));
        assertThat(HexFormat.of().formatHex(keyAndSig, 0, 4)).isEqualTo(checkpoint.get("keyId").asText());
        assertThat(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(keyAndSig, 4, 68)))
                .isEqualTo(checkpoint.get("signature").asText());
        SignedNote.verify(note, "fengqiao.custody-ledger/local", publicKey());
        String forged = note.replaceFirst("\n" + size + "\n", "\n" + (size - 1) + "\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedNote.verify(forged, "fengqiao.custody-ledger/local", publicKey()))
                .isInstanceOf(IllegalArgumentException.class);

        // one file per checkpoint in the directory, the same text
        try (Stream<Path> files = Files.list(properties.checkpoints())) {
            List<String> texts = files.map(f -> {
                try {
                    return read(Files.readString(f, StandardCharsets.UTF_8)).get("note").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(texts).contains(note);
        }
        getAs("custodian", "/api/custody-ledger/checkpoints/latest").andExpect(status().isOk())
                .andExpect(jsonPath("$.treeSize").value(size)).andExpect(jsonPath("$.note").value(note));
        getAs("custodian", "/api/custody-ledger/checkpoints?page=0&size=1").andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.total").isNumber());
        getAs("custodian", "/api/custody-ledger/verification").andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.checkpoints.consistent").value(true))
                .andExpect(jsonPath("$.reason").isEmpty());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.custodyLedger.status").value("UP"));
    }

    static JsonNode read(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aReceiptVerifiesOfflineAndFailsAfterAnyByteOfItChanges() throws Exception {
        String id = storedPoliceItem(openPoliceCase(), "GENERAL");
        byte[] receipt = mvc.perform(get("/api/property-items/" + id + "/ledger/receipt").with(httpBasic("officer1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        PublicKey key = publicKey();
        VerifyReceipt.Result ok = VerifyReceipt.verify(receipt, key);
        assertThat(ok.valid()).as(ok.message()).isTrue();
        JsonNode parsed = JSON.readTree(receipt);
        assertThat(parsed.get("entries")).hasSize(3); // REGISTER, HANDOVER_IN, INSPECT/STORE
        assertThat(parsed.at("/checkpoint/treeSize").asLong()).isGreaterThanOrEqualTo(parsed.at("/entries/2/seq").asLong());

        // any byte changed: the receipt no longer verifies
        for (int i = 0; i < receipt.length; i++) {
            for (int bit : new int[] {0x01, 0x20}) {
                byte[] changed = receipt.clone();
                changed[i] ^= (byte) bit;
                VerifyReceipt.Result result = VerifyReceipt.verify(changed, key);
                assertThat(result.valid()).as("byte %d ^ 0x%02x: %s", i, bit, new String(changed, StandardCharsets.UTF_8)).isFalse();
            }
        }
        // another key: not valid either
        PublicKey other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(VerifyReceipt.verify(receipt, other).valid()).isFalse();

        // the command line, as a court would run it: its own JVM, the receipt file and the key file only
        Path dir = Files.createTempDirectory("receipt");
        Files.write(dir.resolve("receipt.json"), receipt);
        Files.writeString(dir.resolve("public-key.json"),
                read(getAs("custodian", "/api/custody-ledger/public-key")).toString());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.fengqiao.FengqiaoApplication", "verify-receipt", dir.resolve("receipt.json").toString(),
                dir.resolve("public-key.json").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("VALID: 3 ledger entries of item " + id);
        byte[] changed = receipt.clone();
        changed[receipt.length / 2] ^= 1;
        Files.write(dir.resolve("receipt.json"), changed);
        p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.fengqiao.custody.ledger.VerifyReceipt", dir.resolve("receipt.json").toString(),
                dir.resolve("public-key.json").toString()).redirectErrorStream(true).start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isEqualTo(1);
        assertThat(out).startsWith("INVALID: ");
    }

    private boolean postgres() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).toLowerCase().contains("postgres");
    }

    /** Test-only privileged path: lift the append-only guard, run the change, put the guard back. */
    private void asDatabaseAdministrator(Runnable change) {
        boolean pg = postgres();
        if (pg) {
            jdbc.execute("alter table custody_ledger disable trigger user");
        } else {
            jdbc.execute("drop trigger custody_ledger_no_update");
            jdbc.execute("drop trigger custody_ledger_no_delete");
        }
        try {
            change.run();
        } finally {
            if (pg) {
                jdbc.execute("alter table custody_ledger enable trigger user");
            } else {
                jdbc.execute("create trigger custody_ledger_no_update before update on custody_ledger for each row "
                        + "call 'org.fengqiao.custody.LedgerAppendOnlyTrigger'");
                jdbc.execute("create trigger custody_ledger_no_delete before delete on custody_ledger for each row "
                        + "call 'org.fengqiao.custody.LedgerAppendOnlyTrigger'");
            }
        }
    }

    private JsonNode verification() throws Exception {
        return read(getAs("custodian", "/api/custody-ledger/verification").andExpect(status().isOk()));
    }

    @Test
    void verificationCatchesARecomputedChainDeletedEntriesAndATruncatedLedger() throws Exception {
        String id = storedPoliceItem(openPoliceCase(), "GENERAL");
        signCheckpoint();
        register("officer1", openPoliceCase(), "GENERAL");
        assertThat(verification().get("valid").asBoolean()).isTrue();
        long seq = jdbc.queryForObject("select min(seq) from custody_ledger where item_id = ?", Long.class, id);
        jdbc.execute("create table ledger_backup as select * from custody_ledger");
        jdbc.execute("create table ledger_head_backup as select * from custody_ledger_head");
        try {
            // 1. an entry changed and every later hash recomputed, head included: the chain alone is valid again
            asDatabaseAdministrator(() -> {
                List<java.util.Map<String, Object>> rows = jdbc.queryForList("select * from custody_ledger where seq >= ? order by seq", seq);
                String prev = (String) rows.get(0).get("prev_hash");
                for (java.util.Map<String, Object> r : rows) {
                    long s = ((Number) r.get("seq")).longValue();
                    String details = (String) r.get("details");
                    if (s == seq) {
                        details = details.replace("测试物品", "替换物品");
                    }
                    java.time.OffsetDateTime at = jdbc.queryForObject("select at from custody_ledger where seq = ?",
                            java.time.OffsetDateTime.class, s);
                    String hash = CustodyLedger.hash(prev, CustodyLedger.canonical(s, at, (String) r.get("event_type"),
                            (String) r.get("item_id"), (String) r.get("actor"), (String) r.get("from_status"),
                            (String) r.get("to_status"), details));
                    jdbc.update("update custody_ledger set details = ?, prev_hash = ?, hash = ? where seq = ?", details, prev, hash, s);
                    prev = hash;
                }
                jdbc.update("update custody_ledger_head set last_hash = ? where id = 1", prev);
            });
            JsonNode recomputed = verification();
            assertThat(recomputed.get("valid").asBoolean()).as(recomputed.toString()).isFalse();
            assertThat(recomputed.at("/checkpoints/consistent").asBoolean()).isFalse();
            assertThat(recomputed.get("reason").asText()).contains("chain recomputed");
            // nothing is signed over a rewritten ledger
            mvc.perform(post("/api/custody-ledger/checkpoints").with(httpBasic("admin", "demo")))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/ledger-mismatch"));
            mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components.custodyLedger.status").value("LEDGER_INVALID"))
                    .andExpect(jsonPath("$.components.custodyLedger.details.reason").value(recomputed.get("reason").asText()));
            restore();
            assertThat(verification().get("valid").asBoolean()).isTrue();

            // 2. the latest entries deleted and the head set back: shorter than the last checkpoint
            long signed = read(getAs("custodian", "/api/custody-ledger/checkpoints/latest")).get("treeSize").asLong();
            asDatabaseAdministrator(() -> {
                jdbc.update("delete from custody_ledger where seq >= ?", seq);
                String last = jdbc.queryForObject("select hash from custody_ledger where seq = ?", String.class, seq - 1);
                jdbc.update("update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1", seq - 1, last);
            });
            JsonNode deleted = verification();
            assertThat(deleted.get("valid").asBoolean()).as(deleted.toString()).isFalse();
            assertThat(deleted.get("reason").asText()).contains("signed over " + signed).contains("older backup");
            restore();

            // 3. the ledger truncated and its head reset
            // TRUNCATE is refused by the database too (PostgreSQL: a trigger; H2: a referencing foreign key)
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute("truncate table custody_ledger"))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
            assertThat(jdbc.queryForObject("select count(*) from custody_ledger", Long.class)).isPositive();
            asDatabaseAdministrator(() -> {
                jdbc.update("delete from custody_ledger");
                jdbc.update("update custody_ledger_head set last_seq = 0, last_hash = '' where id = 1");
            });
            JsonNode truncated = verification();
            assertThat(truncated.get("valid").asBoolean()).as(truncated.toString()).isFalse();
            assertThat(truncated.get("entries").asLong()).isZero();
            assertThat(truncated.get("reason").asText()).contains("has 0 entries");
        } finally {
            restore();
            jdbc.execute("drop table ledger_backup");
            jdbc.execute("drop table ledger_head_backup");
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    /** Puts the saved rows back (and the entries appended since by other work are none: tests run one at a time). */
    private void restore() {
        asDatabaseAdministrator(() -> {
            jdbc.update("delete from custody_ledger");
            jdbc.update("insert into custody_ledger select * from ledger_backup");
            jdbc.update("update custody_ledger_head set last_seq = (select last_seq from ledger_head_backup), "
                    + "last_hash = (select last_hash from ledger_head_backup) where id = 1");
        });
    }
}
