package org.fengqiao.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link Api}'s counterpart on a real port, for the doors MockMvc does not reach ({@code /engine-rest},
 * the webapps): HTTP Basic as a demo user, JSON in and out.
 */
public class PortApi {

    private final TestRestTemplate rest;
    private final ObjectMapper mapper;

    public PortApi(TestRestTemplate rest, ObjectMapper mapper) {
        this.rest = rest;
        this.mapper = mapper;
    }

    public ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public JsonNode json(ResponseEntity<String> r) throws Exception {
        return r.getBody() == null || r.getBody().isEmpty() ? mapper.createObjectNode() : mapper.readTree(r.getBody());
    }

    /** The answer's JSON, after asserting a 2xx. */
    public JsonNode ok(String user, HttpMethod method, String path, Object body) throws Exception {
        ResponseEntity<String> r = call(user, method, path, body);
        assertThat(r.getStatusCode().value()).as(method + " " + path + " as " + user + " → " + r.getBody()).isBetween(200, 204);
        return json(r);
    }
}
