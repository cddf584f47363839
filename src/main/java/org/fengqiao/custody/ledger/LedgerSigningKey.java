package org.fengqiao.custody.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs the ledger's checkpoints. It lives in a file named by configuration
 * ({@code fengqiao.ledger.signing-key}, PKCS#8 PEM as written by
 * {@code openssl genpkey -algorithm ed25519}), never in the database. Where the file is missing a
 * demo key is generated and marked as such; the {@code prod} profile refuses both.
 */
public final class LedgerSigningKey {

    static final String DEMO_MARKER = "# fengqiao: generated demo key, not for production";

    private final String name;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean generated;
    private final Path file;

    private LedgerSigningKey(String name, PrivateKey privateKey, PublicKey publicKey, boolean generated, Path file) {
        this.name = name;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.generated = generated;
        this.file = file;
    }

    /** Loads the key file, or generates a demo key there when it is missing and {@code mayGenerate}. */
    public static LedgerSigningKey load(Path file, String name, boolean mayGenerate) {
        try {
            if (!Files.exists(file)) {
                if (!mayGenerate) {
                    throw new IllegalStateException("custody ledger: signing key " + file.toAbsolutePath() + " does not exist; "
                            + "create one (openssl genpkey -algorithm ed25519 -out <file>) and name it in fengqiao.ledger.signing-key");
                }
                generate(file);
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
            PublicKey publicKey = publicOf(privateKey);
            return new LedgerSigningKey(name, privateKey, publicKey, pem.contains(DEMO_MARKER), file);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("custody ledger: cannot read the signing key " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = DEMO_MARKER + "\n-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Java 17 has no public way to derive an Ed25519 public key: regenerate the pair from the private key's seed. */
    private static PublicKey publicOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow(() -> new GeneralSecurityException("key without seed"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        PublicKey publicKey = generator.generateKeyPair().getPublic();
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(privateKey);
        ed.update(new byte[] {1, 2, 3});
        byte[] sig = ed.sign();
        ed.initVerify(publicKey);
        ed.update(new byte[] {1, 2, 3});
        if (!ed.verify(sig)) {
            throw new GeneralSecurityException("derived public key does not match the private key");
        }
        return publicKey;
    }

    static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** Reads a public key as the X.509 SubjectPublicKeyInfo bytes. */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public boolean generated() {
        return generated;
    }

    public Path file() {
        return file;
    }

    public String keyId() {
        return SignedNote.keyId(name, publicKey);
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
