package org.fengqiao.custody.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A checkpoint as a C2SP signed note in the tlog-checkpoint format, signed with Ed25519:
 *
 * <pre>
 * fengqiao.custody-ledger/&lt;instance&gt;
 * &lt;tree size&gt;
 * &lt;base64 root hash&gt;
 * signedAt &lt;ISO-8601 instant&gt;
 *
 * — &lt;key name&gt; &lt;base64(key hash (4 bytes) || signature (64 bytes))&gt;
 * </pre>
 *
 * The signature covers the text up to and including the newline of the {@code signedAt} line; the
 * key hash is the first four bytes of {@code SHA-256(key name || 0x0A || 0x01 || public key)}
 * (0x01: Ed25519). Only the JDK is needed, so {@link VerifyReceipt} can use it offline.
 */
public final class SignedNote {

    static final String DASH = "\u2014 ";
    private static final int ED25519_X509_PREFIX = 12;

    /** A parsed, not yet verified, checkpoint note. */
    public record Parsed(String origin, long treeSize, byte[] rootHash, Instant signedAt, String body, String keyName,
                         byte[] keyHash, byte[] signature) {
    }

    private SignedNote() {
    }

    public static String body(String origin, long treeSize, byte[] rootHash, Instant signedAt) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\nsignedAt " + signedAt + "\n";
    }

    /** The raw 32-byte Ed25519 public key of an X.509 SubjectPublicKeyInfo encoding. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, ED25519_X509_PREFIX, encoded.length);
    }

    public static byte[] keyHash(String keyName, PublicKey key) {
        MessageDigest sha = MerkleTree.sha256();
        sha.update((keyName + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x01);
        return Arrays.copyOf(sha.digest(raw(key)), 4);
    }

    public static String keyId(String keyName, PublicKey key) {
        return HexFormat.of().formatHex(keyHash(keyName, key));
    }

    public static byte[] signature(String body, PrivateKey key) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(body.getBytes(StandardCharsets.UTF_8));
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint", e);
        }
    }

    public static String note(String body, String keyName, PublicKey publicKey, byte[] signature) {
        byte[] keyAndSig = ByteBuffer.allocate(4 + signature.length).put(keyHash(keyName, publicKey)).put(signature).array();
        return body + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(keyAndSig) + "\n";
    }

    /** Parses a note strictly (one signature line, canonical base64 and numbers); throws on any deviation. */
    public static Parsed parse(String note) {
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note (no blank line before the signature)");
        }
        String body = note.substring(0, split + 1);
        String signatures = note.substring(split + 2);
        String[] lines = body.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size, a root hash and a signedAt line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("tree size is not a decimal number: " + lines[1]);
        }
        byte[] root = canonicalBase64(lines[2]);
        if (root.length != 32) {
            throw new IllegalArgumentException("root hash is not 32 bytes");
        }
        if (!lines[3].startsWith("signedAt ")) {
            throw new IllegalArgumentException("missing the signedAt extension line");
        }
        Instant signedAt = Instant.parse(lines[3].substring("signedAt ".length()));
        if (!signedAt.toString().equals(lines[3].substring("signedAt ".length()))) {
            throw new IllegalArgumentException("signedAt is not in canonical form");
        }
        String[] sigLines = signatures.split("\n", -1);
        if (sigLines.length != 2 || !sigLines[1].isEmpty() || !sigLines[0].startsWith(DASH)) {
            throw new IllegalArgumentException("expected exactly one signature line");
        }
        String[] parts = sigLines[0].substring(DASH.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("signature line is '— <name> <base64>'");
        }
        byte[] keyAndSig = canonicalBase64(parts[1]);
        if (keyAndSig.length != 4 + 64) {
            throw new IllegalArgumentException("an Ed25519 signature line holds 4 + 64 bytes");
        }
        return new Parsed(lines[0], Long.parseLong(lines[1]), root, signedAt, body, parts[0],
                Arrays.copyOf(keyAndSig, 4), Arrays.copyOfRange(keyAndSig, 4, keyAndSig.length));
    }

    /** Parses and verifies a note against the key and its name; answers the parsed note or throws. */
    public static Parsed verify(String note, String keyName, PublicKey key) {
        Parsed parsed = parse(note);
        if (!parsed.keyName().equals(keyName) || !Arrays.equals(parsed.keyHash(), keyHash(keyName, key))) {
            throw new IllegalArgumentException("signed by another key (" + parsed.keyName() + " "
                    + HexFormat.of().formatHex(parsed.keyHash()) + ")");
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(parsed.body().getBytes(StandardCharsets.UTF_8));
            if (!ed.verify(parsed.signature())) {
                throw new IllegalArgumentException("the signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signature does not verify: " + e.getMessage(), e);
        }
        return parsed;
    }

    /** Base64 decoding that accepts only the one canonical (padded) encoding of the bytes. */
    public static byte[] canonicalBase64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64: " + text);
        }
        return bytes;
    }
}
