package org.fengqiao.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Where the signing key and the checkpoints may live: the prod profile (strict) refuses a generated
 * demo key, a missing key and a checkpoint directory or key inside the H2 database's directory; a
 * provisioned PKCS#8 key (as {@code openssl genpkey -algorithm ed25519} writes it) is accepted and
 * its public key derived correctly.
 */
class LedgerKeyPolicyTest {

    @TempDir
    Path dir;

    static StandardEnvironment environment(String url) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url)));
        return env;
    }

    LedgerCheckpoints start(boolean strict, Path checkpoints, Path key, String url) {
        return new LedgerCheckpoints(null, null, null,
                new LedgerProperties("node1", checkpoints, key, 0, 0, false, strict), environment(url));
    }

    Path provisionedKey(Path file) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void theProdProfileIsStrict() throws Exception {
        List<PropertySource<?>> prod = new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));
        assertThat(prod.get(0).getProperty("fengqiao.ledger.strict")).isEqualTo(true);
        List<PropertySource<?>> base = new YamlPropertySourceLoader().load("base", new ClassPathResource("application.yml"));
        assertThat(base.get(0).getProperty("fengqiao.ledger.strict")).isEqualTo(false);
        assertThat(String.valueOf(base.get(0).getProperty("spring.datasource.url"))).contains(";WRITE_DELAY=0");
    }

    @Test
    void aDemoKeyIsGeneratedOutsideProdAndRefusedInProd() {
        Path key = dir.resolve("data/ledger-signing-key.pem");
        String url = "jdbc:h2:file:" + dir.resolve("db/fengqiao") + ";WRITE_DELAY=0";
        LedgerCheckpoints demo = start(false, dir.resolve("published"), key, url);
        assertThat(demo.key().generated()).isTrue();
        assertThat(Files.exists(key)).isTrue();
        assertThatThrownBy(() -> start(true, dir.resolve("published"), key, url))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("generated demo key");
        assertThatThrownBy(() -> start(true, dir.resolve("published"), dir.resolve("missing.pem"), url))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void prodRefusesCheckpointsOrKeyInsideTheDatabasesDirectory() throws Exception {
        Path key = provisionedKey(dir.resolve("keys/ledger.pem"));
        String url = "jdbc:h2:file:" + dir.resolve("data/fengqiao") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        assertThatThrownBy(() -> start(true, dir.resolve("data/ledger-checkpoints"), key, url))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the database's directory");
        Path keyInData = provisionedKey(dir.resolve("data/ledger.pem"));
        assertThatThrownBy(() -> start(true, dir.resolve("published"), keyInData, url))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the database's directory");

        LedgerCheckpoints prod = start(true, dir.resolve("published"), key, url);
        assertThat(prod.key().generated()).isFalse();
        // the derived public key verifies what the private key signs, as a signed note
        String body = SignedNote.body("fengqiao.custody-ledger/node1", 3, new byte[32], Instant.parse("2026-12-04T00:00:00Z"));
        String note = SignedNote.note(body, prod.key().name(), prod.key().publicKey(), SignedNote.signature(body, prod.key().privateKey()));
        assertThat(SignedNote.verify(note, "fengqiao.custody-ledger/node1", prod.key().publicKey()).treeSize()).isEqualTo(3);
        assertThat(prod.publicKey().keyId()).isEqualTo(SignedNote.keyId("fengqiao.custody-ledger/node1", prod.key().publicKey()));
    }
}
