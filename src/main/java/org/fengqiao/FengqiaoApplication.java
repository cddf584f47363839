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

    public static void main(String[] args) {
        SpringApplication.run(FengqiaoApplication.class, args);
    }
}
