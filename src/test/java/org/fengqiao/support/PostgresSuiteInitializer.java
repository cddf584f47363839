package org.fengqiao.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dfengqiao.test.db=postgres} (the {@code postgres-suite} Maven profile, active in CI)
 * every test context that would use in-memory H2 gets a fresh PostgreSQL database instead, so the
 * whole suite runs against PostgreSQL.
 */
public class PostgresSuiteInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String url = env.getProperty("spring.datasource.url", "");
        if (!"postgres".equals(System.getProperty("fengqiao.test.db")) || !url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        String pg = PostgresDatabase.create("fq_suite");
        env.getPropertySources().addFirst(new MapPropertySource("postgres-suite", Map.of(
                "spring.datasource.url", pg,
                "spring.datasource.username", PostgresDatabase.USER,
                "spring.datasource.password", "",
                "spring.datasource.driver-class-name", "org.postgresql.Driver",
                "camunda.bpm.database.type", "postgres")));
        System.out.println("postgres-suite: test context uses " + pg);
    }
}
