package org.fengqiao.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drives the REST facade as an integrator would: HTTP Basic as a demo user, JSON in and out. */
public class Api {

    public record Response(int status, JsonNode body, String location, String contentType) {
        public String text(String field) {
            return body.path(field).asText(null);
        }

        public String problemType() {
            return body.path("type").asText();
        }
    }

    private final MockMvc mvc;
    private final ObjectMapper mapper;

    public Api(MockMvc mvc, ObjectMapper mapper) {
        this.mvc = mvc;
        this.mapper = mapper;
    }

    public Response get(String user, String path) {
        return perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo")));
    }

    public Response post(String user, String path, Object body) {
        return postRaw(user, path, body instanceof String s ? s : json(body), null);
    }

    public Response postRaw(String user, String path, String body, String idempotencyKey) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8).content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return perform(request);
    }

    public Response perform(MockHttpServletRequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            OpenApiValidation.check(mvc, result);
            String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            JsonNode node = content.isEmpty() ? mapper.createObjectNode() : mapper.readTree(content);
            return new Response(result.getResponse().getStatus(), node, result.getResponse().getHeader("Location"),
                    result.getResponse().getContentType());
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
