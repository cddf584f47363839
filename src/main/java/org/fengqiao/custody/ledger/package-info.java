/**
 * The custody ledger's published evidence (issue 12): RFC 9162 Merkle tree over the entries' chain
 * hashes, signed checkpoints (C2SP signed notes, Ed25519 key outside the database), verification
 * against them, receipts with inclusion proofs and their offline check ({@link
 * org.fengqiao.custody.ledger.VerifyReceipt}). Exposed as the named interface {@code ledger} so that
 * the application's entry point can offer {@code verify-receipt} and anyone may verify.
 */
@org.springframework.modulith.NamedInterface("ledger")
package org.fengqiao.custody.ledger;
