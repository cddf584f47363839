package org.fengqiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Fengqiao: case-workflow engine for one-stop dispute-resolution centres and case-property custody
 * centres. Modules are the top-level packages below this one (see README, "Architecture").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FengqiaoApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("verify-receipt")) {
            // offline check of a custody-ledger receipt: no Spring context, no database
            org.fengqiao.custody.ledger.VerifyReceipt.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(FengqiaoApplication.class, args);
    }
}
