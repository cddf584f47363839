package org.fengqiao.shared.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda stores new passwords with bcrypt (Spring Security's encoder, cost 10) instead of one round
 * of salted SHA-512; existing SHA-512 hashes still verify ({@code customPasswordChecker}) and are
 * replaced by a bcrypt hash on the user's next successful login ({@link CamundaIdentityAuthenticationProvider}).
 * Camunda hands the encryptor the password with the user's salt appended and prefixes the stored
 * hash with {@code {BCRYPT}}.
 */
@Component
class BcryptPasswords extends AbstractProcessEnginePlugin {

    static final String ALGORITHM = "BCRYPT";

    static final class Encryptor implements PasswordEncryptor {

        private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

        @Override
        public String encrypt(String password) {
            return encoder.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encrypted != null && encoder.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Encryptor());
        // Camunda's PasswordManager keeps its built-in SHA-512 checker beside the default encryptor
        // (adding it again fails with ENGINE-25002); further legacy checkers would go here.
        List<PasswordEncryptor> checkers = new ArrayList<>();
        if (configuration.getCustomPasswordChecker() != null) {
            checkers.addAll(configuration.getCustomPasswordChecker());
        }
        configuration.setCustomPasswordChecker(checkers);
    }

    /** Whether a stored hash is of an older algorithm than bcrypt. */
    static boolean outdated(String storedHash) {
        return storedHash != null && !storedHash.startsWith("{" + ALGORITHM + "}");
    }
}
