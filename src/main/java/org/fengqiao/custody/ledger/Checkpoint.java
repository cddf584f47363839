package org.fengqiao.custody.ledger;

/**
 * A signed checkpoint as served and as written to its file: the RFC 9162 root of the first
 * {@code treeSize} ledger entries ({@code rootHash} lowercase hex), when it was signed,
 * {@code keyId} (the signed note's 4-byte key hash in hex), {@code signature} (the raw Ed25519
 * signature in base64) and {@code note}, the whole signed text.
 */
public record Checkpoint(long treeSize, String rootHash, String signedAt, String keyId, String signature, String note) {
}
