package org.fengqiao.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code docs/openapi.json} is what integrators (and the build's generated client) read: it must be
 * the document the application serves. Refresh it with
 * {@code ./mvnw test -Dtest=PublishedDocumentTest -Dfengqiao.openapi.write=true}.
 */
@FengqiaoTest
class PublishedDocumentTest {

    static final Path PUBLISHED = Path.of("docs/openapi.json");

    @Autowired MockMvc mvc;

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode document = mapper.readTree(served);
        String pretty = mapper.writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("fengqiao.openapi.write")) {
            Files.writeString(PUBLISHED, pretty, StandardCharsets.UTF_8);
            System.out.println("openapi: wrote " + PUBLISHED.toAbsolutePath());
        }
        assertThat(Files.exists(PUBLISHED))
                .as("docs/openapi.json is missing; write it with "
                        + "./mvnw test -Dtest=PublishedDocumentTest -Dfengqiao.openapi.write=true")
                .isTrue();
        JsonNode committed = mapper.readTree(Files.readString(PUBLISHED, StandardCharsets.UTF_8));
        assertThat(committed)
                .as("docs/openapi.json differs from the served /v3/api-docs; refresh it with "
                        + "./mvnw test -Dtest=PublishedDocumentTest -Dfengqiao.openapi.write=true and commit it")
                .isEqualTo(document);
    }
}
