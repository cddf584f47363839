package org.fengqiao.custody.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.fengqiao.custody.CustodyLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs checkpoints of the custody ledger and checks the ledger against them. A checkpoint is the
 * RFC 9162 root of the first N entries in a C2SP signed note (Ed25519, key outside the database),
 * written as one file to {@code fengqiao.ledger.checkpoints} and as a row of
 * {@code custody_ledger_checkpoint}. Signing happens at the configured cadence, at an orderly
 * shutdown and on request; nothing is signed over a ledger that no longer agrees with the
 * checkpoints already in the directory, so a rewritten ledger cannot be laundered by a new one.
 */
@Service
public class LedgerCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoints.class);
    private static final ObjectMapper FILES = new ObjectMapper();

    private final CustodyLedger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LedgerProperties properties;
    private final LedgerSigningKey key;
    private final AtomicReference<Checked> lastCheck = new AtomicReference<>();

    /** The latest verification, with when it ran (for /actuator/health). */
    public record Checked(CustodyLedger.Verification verification, Instant at) {
    }

    public record PublicKeyView(String keyId, String algorithm, String publicKey, String keyName) {
    }

    public record Page(List<Checkpoint> items, int page, int size, long total) {
    }

    LedgerCheckpoints(CustodyLedger ledger, JdbcClient jdbc, TransactionTemplate tx, LedgerProperties properties,
                      Environment environment) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        if (properties.strict()) {
            refuseCheckpointsBesideTheDatabase(environment.getProperty("spring.datasource.url", ""));
        }
        this.key = LedgerSigningKey.load(properties.signingKey(), properties.origin(), !properties.strict());
        if (key.generated()) {
            if (properties.strict()) {
                throw new IllegalStateException("custody ledger: " + key.file().toAbsolutePath() + " is a generated demo key; "
                        + "the prod profile signs only with a provisioned key (fengqiao.ledger.signing-key)");
            }
            log.warn("custody ledger: checkpoints are signed with the generated demo key {} (key id {}); "
                    + "production needs its own key outside ./data", key.file().toAbsolutePath(), key.keyId());
        }
        try {
            Files.createDirectories(properties.checkpoints());
        } catch (IOException e) {
            throw new IllegalStateException("custody ledger: cannot create the checkpoint directory " + properties.checkpoints(), e);
        }
    }

    private void refuseCheckpointsBesideTheDatabase(String url) {
        Path dbDir = null;
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:")) {
            String path = url.substring("jdbc:h2:".length()).split(";")[0];
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            path = path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
            dbDir = Path.of(path).toAbsolutePath().normalize().getParent();
        } else if (url.startsWith("jdbc:postgresql:")) {
            try {
                String dir = jdbc.sql("select setting from pg_settings where name = 'data_directory'").query(String.class)
                        .optional().orElse(null);
                dbDir = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
            } catch (RuntimeException notVisible) {
                // only superusers see the server's data directory; it is then on another machine or out of reach
            }
        }
        Path checkpoints = properties.checkpoints().toAbsolutePath().normalize();
        Path keyFile = properties.signingKey().toAbsolutePath().normalize();
        if (dbDir != null && (checkpoints.startsWith(dbDir) || keyFile.startsWith(dbDir))) {
            throw new IllegalStateException("custody ledger: the checkpoint directory " + checkpoints + " and the signing key "
                    + keyFile + " must lie outside the database's directory " + dbDir
                    + " (a restore of the database would roll them back with it)");
        }
    }

    public LedgerSigningKey key() {
        return key;
    }

    public PublicKeyView publicKey() {
        return new PublicKeyView(key.keyId(), "Ed25519", key.publicKeyBase64(), key.name());
    }

    /**
     * Signs a checkpoint over the whole ledger now. With {@code onlyIfGrown} nothing is signed when
     * the latest checkpoint already covers every entry. One signer at a time across nodes.
     */
    public Optional<Checkpoint> sign(boolean onlyIfGrown) {
        return tx.execute(status -> {
            jdbc.sql("select id from custody_ledger_signer where id = 1 for update").query(Integer.class).single();
            Optional<Checkpoint> latest = latest();
            if (onlyIfGrown && latest.isPresent() && latest.get().treeSize() >= ledger.count()) {
                return Optional.<Checkpoint>empty();
            }
            CustodyLedger.Audit audit = audit();
            if (!audit.verification().valid()) {
                log.error("custody ledger: no checkpoint signed, the ledger does not verify: {}", audit.verification().reason());
                throw new LedgerMismatchException("台账校验失败，未签署检查点 (the ledger does not verify, nothing signed): "
                        + audit.verification().reason());
            }
            Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String body = SignedNote.body(properties.origin(), audit.treeSize(), audit.rootHash(), signedAt);
            byte[] signature = SignedNote.signature(body, key.privateKey());
            Checkpoint checkpoint = new Checkpoint(audit.treeSize(), HexFormat.of().formatHex(audit.rootHash()), signedAt.toString(),
                    key.keyId(), Base64.getEncoder().encodeToString(signature),
                    SignedNote.note(body, key.name(), key.publicKey(), signature));
            write(checkpoint, signedAt);
            jdbc.sql("""
                    insert into custody_ledger_checkpoint (tree_size, root_hash, signed_at, key_id, signature, note)
                    values (?, ?, ?, ?, ?, ?)""").params(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.signedAt(),
                    checkpoint.keyId(), checkpoint.signature(), checkpoint.note()).update();
            log.info("custody ledger: checkpoint signed over {} entries, root {}", checkpoint.treeSize(), checkpoint.rootHash());
            return Optional.of(checkpoint);
        });
    }

    private void write(Checkpoint checkpoint, Instant signedAt) {
        String name = "checkpoint-%012d-%d.json".formatted(checkpoint.treeSize(), signedAt.toEpochMilli());
        try {
            Path dir = properties.checkpoints();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            Files.write(tmp, FILES.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint));
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("custody ledger: cannot write checkpoint " + name + " to " + properties.checkpoints(), e);
        }
    }

    public Optional<Checkpoint> latest() {
        return jdbc.sql("select * from custody_ledger_checkpoint order by tree_size desc, id desc limit 1")
                .query(LedgerCheckpoints::map).optional();
    }

    /** The latest checkpoint that covers entries 1..seq, signing one when none does yet. */
    public Checkpoint covering(long seq) {
        Optional<Checkpoint> latest = latest();
        if (latest.isEmpty() || latest.get().treeSize() < seq) {
            latest = sign(true).or(this::latest);
        }
        Checkpoint checkpoint = latest.filter(c -> c.treeSize() >= seq)
                .orElseThrow(() -> new LedgerMismatchException("no checkpoint covers entry " + seq));
        SignedNote.verify(checkpoint.note(), key.name(), key.publicKey());
        return checkpoint;
    }

    public Page page(int page, int size) {
        List<Checkpoint> items = jdbc.sql("select * from custody_ledger_checkpoint order by tree_size desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(LedgerCheckpoints::map).list();
        long total = jdbc.sql("select count(*) from custody_ledger_checkpoint").query(Long.class).single();
        return new Page(items, page, size, total);
    }

    /** Verifies the chain and its consistency with every checkpoint file in the directory. */
    public CustodyLedger.Verification verify() {
        CustodyLedger.Verification verification = audit().verification();
        lastCheck.set(new Checked(verification, Instant.now()));
        return verification;
    }

    public Optional<Checked> lastCheck() {
        return Optional.ofNullable(lastCheck.get());
    }

    private CustodyLedger.Audit audit() {
        List<CustodyLedger.Published> published = new ArrayList<>();
        String problem = readDirectory(published);
        if (problem != null) {
            return new CustodyLedger.Audit(new CustodyLedger.Verification(false, ledger.count(), null,
                    new CustodyLedger.Verification.Checkpoints(published.size(), false), problem), 0, null);
        }
        return ledger.audit(published);
    }

    /** Reads and checks every checkpoint file; answers a reason when one is not what was signed. */
    private String readDirectory(List<CustodyLedger.Published> published) {
        Path dir = properties.checkpoints();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "checkpoint-*.json")) {
            for (Path file : files) {
                String source = "checkpoint file " + file.getFileName();
                try {
                    Checkpoint c = FILES.readValue(Files.readAllBytes(file), Checkpoint.class);
                    SignedNote.Parsed note = SignedNote.verify(c.note(), key.name(), key.publicKey());
                    if (!note.origin().equals(properties.origin()) || note.treeSize() != c.treeSize()
                            || !HexFormat.of().formatHex(note.rootHash()).equals(c.rootHash())
                            || !note.signedAt().toString().equals(c.signedAt())
                            || !Arrays.equals(Base64.getDecoder().decode(c.signature()), note.signature())) {
                        return source + " does not match its signed note";
                    }
                    published.add(new CustodyLedger.Published(c.treeSize(), note.rootHash(), source + " (signed " + c.signedAt() + ")"));
                } catch (IOException | RuntimeException e) {
                    return source + " is not a valid signed checkpoint of this ledger: " + e.getMessage();
                }
            }
        } catch (IOException e) {
            return "cannot read the checkpoint directory " + dir + ": " + e.getMessage();
        }
        return null;
    }

    /** At start-up: check the ledger against the published checkpoints, in the background; a mismatch is logged and shown in health. */
    @EventListener(ApplicationReadyEvent.class)
    void verifyAtStartUp() {
        Thread thread = new Thread(() -> {
            try {
                CustodyLedger.Verification v = verify();
                if (v.valid()) {
                    log.info("custody ledger: {} entries verified against {} checkpoints", v.entries(), v.checkpoints().checked());
                } else {
                    log.error("custody ledger DOES NOT VERIFY at start-up: {} (first invalid seq {}); the application keeps "
                            + "running so that the ledger can be investigated", v.reason(), v.firstInvalidSeq());
                }
            } catch (RuntimeException e) {
                log.error("custody ledger: start-up verification failed", e);
            }
        }, "custody-ledger-verification");
        thread.setDaemon(true);
        thread.start();
    }

    @Scheduled(fixedDelayString = "${fengqiao.ledger.cadence-check-ms:15000}", initialDelayString = "${fengqiao.ledger.cadence-check-ms:15000}")
    void cadence() {
        int everyEntries = properties.checkpointEveryEntries();
        int everyMinutes = properties.checkpointEveryMinutes();
        if (everyEntries <= 0 && everyMinutes <= 0) {
            return;
        }
        try {
            long entries = ledger.count();
            Optional<Checkpoint> latest = latest();
            long signedSize = latest.map(Checkpoint::treeSize).orElse(0L);
            if (entries <= signedSize) {
                return;
            }
            boolean byEntries = everyEntries > 0 && entries - signedSize >= everyEntries;
            boolean byTime = everyMinutes > 0 && (latest.isEmpty()
                    || Duration.between(Instant.parse(latest.get().signedAt()), Instant.now()).toMinutes() >= everyMinutes);
            if (byEntries || byTime) {
                sign(true);
            }
        } catch (RuntimeException e) {
            log.error("custody ledger: scheduled checkpoint failed: {}", e.getMessage());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void atShutdown() {
        if (!properties.checkpointAtShutdown()) {
            return;
        }
        try {
            sign(true).ifPresent(c -> log.info("custody ledger: checkpoint at shutdown over {} entries", c.treeSize()));
        } catch (RuntimeException e) {
            log.error("custody ledger: no checkpoint at shutdown: {}", e.getMessage());
        }
    }

    static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"), rs.getString("signed_at"),
                rs.getString("key_id"), rs.getString("signature"), rs.getString("note"));
    }

    static Map<String, Object> describe(Checked checked) {
        CustodyLedger.Verification v = checked.verification();
        java.util.LinkedHashMap<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("valid", v.valid());
        details.put("entries", v.entries());
        details.put("checkpointsChecked", v.checkpoints().checked());
        if (!v.valid()) {
            details.put("firstInvalidSeq", v.firstInvalidSeq());
            details.put("reason", v.reason());
        }
        details.put("checkedAt", checked.at().toString());
        return details;
    }
}
