package org.fengqiao.custody.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Offline check of a custody-ledger receipt ({@code GET /api/property-items/{id}/ledger/receipt})
 * with nothing but the receipt and the ledger's public key, obtained separately (compare its key id
 * out of band):
 *
 * <pre>java -jar fengqiao.jar verify-receipt receipt.json public-key.json</pre>
 *
 * (or {@code java -cp <classes and jackson> org.fengqiao.custody.ledger.VerifyReceipt …}). The key
 * file is the JSON of {@code GET /api/custody-ledger/public-key}, a PEM public key or its base64.
 * Checks, in order: the receipt is exactly the compact JSON it claims to be (any change of layout
 * fails); the checkpoint's signed note verifies with the key and its fields match the note; every
 * entry's chain hash is {@code SHA-256(prevHash + [seq, at, eventType, itemId, actor, fromStatus,
 * toStatus, details])} and its leaf (the hash's 32 bytes) is in the signed tree (RFC 9162 §2.1.3.2).
 * Exit status 0 when valid, 1 otherwise.
 */
public final class VerifyReceipt {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private VerifyReceipt() {
    }

    /** The outcome: valid or the first reason it is not. */
    public record Result(boolean valid, String message) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: verify-receipt <receipt.json> <public-key.json|.pem>");
            System.exit(2);
        }
        Result result;
        try {
            result = verify(Files.readAllBytes(Path.of(args[0])), readPublicKey(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            result = new Result(false, "the public key file is not usable: " + e.getMessage());
        }
        System.out.println((result.valid() ? "VALID: " : "INVALID: ") + result.message());
        System.exit(result.valid() ? 0 : 1);
    }

    /** Reads the JSON of GET /api/custody-ledger/public-key, a PEM "PUBLIC KEY" or the bare base64 X.509 key. */
    public static PublicKey readPublicKey(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("{")) {
                t = STRICT.readTree(t).path("publicKey").asText();
            } else if (t.contains("-----BEGIN PUBLIC KEY-----")) {
                return LedgerSigningKey.publicKey(LedgerSigningKey.pemBody(t, "PUBLIC KEY"));
            }
            return LedgerSigningKey.publicKey(Base64.getDecoder().decode(t));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static Result verify(byte[] receipt, PublicKey key) {
        try {
            return check(receipt, key);
        } catch (IOException | RuntimeException e) {
            return new Result(false, "not a valid receipt: " + e.getMessage());
        }
    }

    private static Result check(byte[] bytes, PublicKey key) throws IOException {
        JsonNode receipt = STRICT.readTree(bytes);
        if (receipt == null || !java.util.Arrays.equals(CANONICAL.writeValueAsBytes(receipt), bytes)) {
            return fail("the receipt is not the compact JSON it was issued as (changed)");
        }
        fields(receipt, "itemId", "entries", "checkpoint", "publicKey");
        String itemId = text(receipt, "itemId");

        JsonNode pk = fields(receipt.get("publicKey"), "keyId", "algorithm", "publicKey", "keyName");
        if (!"Ed25519".equals(text(pk, "algorithm"))
                || !text(pk, "publicKey").equals(Base64.getEncoder().encodeToString(key.getEncoded()))) {
            return fail("the receipt names another public key than the one given");
        }
        JsonNode cp = fields(receipt.get("checkpoint"), "treeSize", "rootHash", "signedAt", "keyId", "signature", "note");
        String keyName = text(pk, "keyName");
        SignedNote.Parsed note;
        try {
            note = SignedNote.verify(text(cp, "note"), keyName, key);
        } catch (IllegalArgumentException e) {
            return fail("the checkpoint's signed note does not verify: " + e.getMessage());
        }
        String keyId = SignedNote.keyId(keyName, key);
        if (!note.origin().startsWith("fengqiao.custody-ledger/") || !note.origin().equals(keyName)
                || !keyId.equals(text(pk, "keyId")) || !keyId.equals(text(cp, "keyId"))
                || !cp.get("treeSize").isIntegralNumber() || cp.get("treeSize").asLong() != note.treeSize()
                || !hex(note.rootHash()).equals(text(cp, "rootHash"))
                || !note.signedAt().toString().equals(text(cp, "signedAt"))
                || !Base64.getEncoder().encodeToString(note.signature()).equals(text(cp, "signature"))) {
            return fail("the checkpoint's fields differ from its signed note");
        }
        JsonNode entries = receipt.get("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            return fail("the receipt has no entries");
        }
        long previousSeq = 0;
        for (JsonNode e : entries) {
            fields(e, "seq", "at", "eventType", "itemId", "actor", "fromStatus", "toStatus", "details", "prevHash", "hash", "inclusionProof");
            if (!e.get("seq").isIntegralNumber() || e.get("seq").asLong() <= previousSeq) {
                return fail("entries are not in ascending seq order");
            }
            long seq = e.get("seq").asLong();
            previousSeq = seq;
            if (!itemId.equals(text(e, "itemId"))) {
                return fail("entry " + seq + " belongs to another item");
            }
            List<Object> canonical = new ArrayList<>();
            canonical.add(seq);
            for (String f : List.of("at", "eventType", "itemId", "actor", "fromStatus", "toStatus", "details")) {
                canonical.add(e.get(f).isNull() ? null : text(e, f));
            }
            String prevHash = text(e, "prevHash");
            String hash = hex(MerkleTree.sha256().digest((prevHash + CANONICAL.writeValueAsString(canonical))
                    .getBytes(StandardCharsets.UTF_8)));
            if (!hash.equals(text(e, "hash"))) {
                return fail("entry " + seq + " does not match its hash (changed)");
            }
            List<byte[]> proof = new ArrayList<>();
            for (JsonNode p : e.get("inclusionProof")) {
                proof.add(unhex(p.asText(), p));
            }
            if (!e.get("inclusionProof").isArray()
                    || !MerkleTree.verifyInclusion(seq - 1, note.treeSize(), MerkleTree.leafHash(HexFormat.of().parseHex(hash)),
                    proof, note.rootHash())) {
                return fail("entry " + seq + " is not in the signed tree of " + note.treeSize() + " entries");
            }
        }
        return new Result(true, entries.size() + " ledger entries of item " + itemId + " are in the custody ledger "
                + note.origin() + " of " + note.treeSize() + " entries, root " + hex(note.rootHash()) + ", signed "
                + note.signedAt() + " by key " + keyName + " (key id " + keyId + ")");
    }

    private static Result fail(String reason) {
        return new Result(false, reason);
    }

    /** The object with exactly these fields, else an exception. */
    private static JsonNode fields(JsonNode node, String... names) {
        if (node == null || !node.isObject() || node.size() != names.length) {
            throw new IllegalArgumentException("expected an object with fields " + String.join(", ", names));
        }
        Set<String> expected = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!expected.contains(it.next())) {
                throw new IllegalArgumentException("expected an object with fields " + String.join(", ", names));
            }
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.asText();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] unhex(String text, JsonNode node) {
        byte[] bytes = HexFormat.of().parseHex(text);
        if (!node.isTextual() || bytes.length != 32 || !hex(bytes).equals(text)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256 hash: " + text);
        }
        return bytes;
    }
}
