package org.fengqiao.custody.ledger;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code custodyLedger} in {@code /actuator/health}: the latest verification of the ledger against
 * its published checkpoints (at start-up and on every {@code GET /api/custody-ledger/verification}).
 * A mismatch shows as status {@code LEDGER_INVALID} with the reason; that status is not part of the
 * aggregate order, so the node stays {@code UP} (and ready) for the people who investigate.
 */
@Component("custodyLedgerHealthIndicator")
class LedgerHealthIndicator implements HealthIndicator {

    static final Status INVALID = new Status("LEDGER_INVALID", "the custody ledger does not agree with its signed checkpoints");

    private final LedgerCheckpoints checkpoints;

    LedgerHealthIndicator(LedgerCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public Health health() {
        return checkpoints.lastCheck().map(checked -> (checked.verification().valid() ? Health.up() : Health.status(INVALID))
                        .withDetails(LedgerCheckpoints.describe(checked))
                        .withDetail("keyId", checkpoints.key().keyId()).build())
                .orElseGet(() -> Health.up().withDetail("verification", "pending (runs after start-up)")
                        .withDetail("keyId", checkpoints.key().keyId()).build());
    }
}
