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

    private JsonNode served() throws Exception {
        return new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode requestSchema(JsonNode document, String path) {
        String ref = document.at("/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json/schema/$ref")
                .asText();
        return document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void sameNamedRecordsOfTwoModulesKeepTheirOwnValues() throws Exception {
        JsonNode document = served();
        assertThat(document.path("openapi").asText()).startsWith("3.0");
        assertThat(requestSchema(document, "/api/appeals/{id}/review").at("/properties/decision/enum"))
                .extracting(JsonNode::asText).containsExactly("APPROVE", "REJECT");
        assertThat(requestSchema(document, "/api/disputes/{id}/review").at("/properties/decision/enum"))
                .extracting(JsonNode::asText).containsExactly("REOPEN", "CLOSE");
        assertThat(requestSchema(document, "/api/appeals/{id}/triage").path("properties").has("leadDepartmentId")).isTrue();
        assertThat(requestSchema(document, "/api/disputes/{id}/triage").path("properties").has("mediationType")).isTrue();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndHowItFails() throws Exception {
        JsonNode document = served();
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            assertThat(responses.has("401")).as(where + " documents 401").isTrue();
            assertThat(responses.has("403")).as(where + " documents 403").isTrue();
            if (path.getKey().contains("{")) {
                assertThat(responses.has("404")).as(where + " documents 404").isTrue();
            }
            if (op.getValue().has("requestBody")) {
                assertThat(responses.has("400") && responses.has("422") && responses.has("415"))
                        .as(where + " documents 400, 415 and 422").isTrue();
                assertThat(op.getValue().at("/requestBody/content/application~1json/example").isMissingNode())
                        .as(where + " has an example request").isFalse();
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4")) {
                    assertThat(r.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(where + " " + r.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
    }

    @Test
    void creatingEndpointsAnswer201WithALocation() throws Exception {
        JsonNode document = served();
        for (String path : new String[] {"/api/disputes", "/api/appeals", "/api/supervisions", "/api/inventories",
                "/api/property-cases", "/api/property-cases/{id}/items", "/api/disputes/{id}/documents"}) {
            JsonNode responses = document.at("/paths/" + path.replace("/", "~1") + "/post/responses");
            assertThat(responses.has("201")).as(path).isTrue();
            assertThat(responses.has("200")).as(path).isFalse();
            assertThat(responses.at("/201/headers/Location").isMissingNode()).as(path + " Location").isFalse();
            assertThat(responses.at("/201/content/application~1json/example").isMissingNode()).as(path + " example").isFalse();
        }
    }

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
