package org.fengqiao.webapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real port, for the Camunda webapps and {@code /engine-rest} (Jersey, which
 * MockMvc does not reach). The engine keeps the name {@code default} the webapps' URLs use; its own
 * in-memory database keeps it apart from the shared MockMvc context. Test classes with this
 * annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@interface BrowserTestServer {
}
