package org.fengqiao.custody.ledger;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.fengqiao.custody.CustodyLedger;
import org.fengqiao.custody.LedgerEntry;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receipts for one item: its ledger entries, each with an RFC 9162 inclusion proof against a signed
 * checkpoint, and the public key. {@link VerifyReceipt} checks one with nothing but the receipt and
 * the key (obtained separately).
 */
@Service
public class LedgerReceipts {

    static final ObjectMapper JSON = new ObjectMapper();

    private final CustodyLedger ledger;
    private final LedgerCheckpoints checkpoints;

    LedgerReceipts(CustodyLedger ledger, LedgerCheckpoints checkpoints) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    /** One entry: the fields hashed by the chain ({@code at} exactly as hashed), and its inclusion proof. */
    public record Entry(long seq, String at, String eventType, String itemId, String actor, String fromStatus,
                        String toStatus, String details, String prevHash, String hash, List<String> inclusionProof) {
    }

    public record Receipt(String itemId, List<Entry> entries, Checkpoint checkpoint, LedgerCheckpoints.PublicKeyView publicKey) {
    }

    /** The receipt of an item that has entries, as the exact bytes to hand out (compact JSON, UTF-8). */
    public byte[] receipt(String itemId) {
        List<LedgerEntry> entries = ledger.ofItem(itemId);
        if (entries.isEmpty()) {
            throw new LedgerMismatchException("item " + itemId + " has no ledger entries");
        }
        Checkpoint checkpoint = checkpoints.covering(entries.get(entries.size() - 1).seq());
        List<byte[]> leaves = ledger.leafHashes(checkpoint.treeSize());
        if (leaves.size() != checkpoint.treeSize()
                || !Arrays.equals(MerkleTree.root(leaves), HexFormat.of().parseHex(checkpoint.rootHash()))) {
            throw new LedgerMismatchException("台账与已签署的检查点不一致 (the ledger no longer gives the root of checkpoint "
                    + checkpoint.treeSize() + "); see GET /api/custody-ledger/verification");
        }
        List<Entry> withProofs = entries.stream().map(e -> new Entry(e.seq(),
                e.at().toInstant().truncatedTo(ChronoUnit.MICROS).toString(), e.eventType(), e.itemId(), e.actor(),
                e.fromStatus(), e.toStatus(), e.details(), e.prevHash(), e.hash(),
                MerkleTree.inclusionProof(leaves, (int) (e.seq() - 1)).stream().map(HexFormat.of()::formatHex).toList())).toList();
        try {
            return JSON.writeValueAsBytes(new Receipt(itemId, withProofs, checkpoint, checkpoints.publicKey()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
