package org.fengqiao.custody.ledger;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fengqiao.ledger} block: where the signed checkpoints of the custody ledger go, which
 * key signs them and how often.
 *
 * @param instance               the last part of the checkpoints' origin {@code fengqiao.custody-ledger/<instance>}
 * @param checkpoints            directory that receives one file per checkpoint (keep it away from the database)
 * @param signingKey             Ed25519 private key, PKCS#8 PEM (e.g. {@code openssl genpkey -algorithm ed25519})
 * @param checkpointEveryEntries sign when the ledger grew by this many entries since the last checkpoint (0: never)
 * @param checkpointEveryMinutes sign when the last checkpoint is this old and the ledger grew (0: never)
 * @param checkpointAtShutdown   sign at an orderly shutdown when the ledger grew
 * @param strict                 refuse to start with a generated key or a checkpoint directory inside the database's
 *                               directory ({@code prod} profile)
 */
@ConfigurationProperties("fengqiao.ledger")
public record LedgerProperties(String instance, Path checkpoints, Path signingKey, Integer checkpointEveryEntries,
                               Integer checkpointEveryMinutes, Boolean checkpointAtShutdown, Boolean strict) {

    public LedgerProperties {
        instance = instance == null || instance.isBlank() ? "local" : instance.trim();
        checkpoints = checkpoints == null ? Path.of("data", "ledger-checkpoints") : checkpoints;
        signingKey = signingKey == null ? Path.of("data", "ledger-signing-key.pem") : signingKey;
        checkpointEveryEntries = checkpointEveryEntries == null ? 1000 : checkpointEveryEntries;
        checkpointEveryMinutes = checkpointEveryMinutes == null ? 60 : checkpointEveryMinutes;
        checkpointAtShutdown = checkpointAtShutdown == null || checkpointAtShutdown;
        strict = strict != null && strict;
        if (!instance.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("fengqiao.ledger.instance may hold letters, digits, '.', '_' and '-' only");
        }
    }

    /** The checkpoints' origin line, also the signing key's name. */
    public String origin() {
        return "fengqiao.custody-ledger/" + instance;
    }
}
