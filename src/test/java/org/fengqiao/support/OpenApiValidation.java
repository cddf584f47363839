package org.fengqiao.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks every request and response of the API tests against the served {@code /v3/api-docs}
 * (fetched once per application context), so that the document cannot drift from what the API
 * does. A response the document does not describe fails the test.
 *
 * <p>Request messages count only when the server accepted the request (2xx): tests send malformed
 * and forbidden requests on purpose, and a 4xx answer to a request the document calls invalid is
 * the document being right. A request the server accepted but the document calls invalid is a lie
 * of the document and fails.
 *
 * <p>Relaxed levels (each because the API really behaves that way):
 * <ul>
 *   <li>{@code validation.request.security.*}: tests of 401 send no or wrong credentials; the
 *       document's HTTP Basic requirement is still checked by the 401 response being described;</li>
 *   <li>{@code validation.request.parameter.query.unexpected}: the API ignores unknown query
 *       parameters (Spring binds only the declared ones) — several tests rely on that;</li>
 *   <li>{@code validation.request.body.schema.format.date-time}, requests only: the API also reads
 *       ISO-8601 times without seconds ({@code 2026-12-25T09:30+08:00}), which RFC 3339's
 *       {@code date-time} does not allow; the document keeps {@code date-time} (what clients should
 *       send) and responses are still checked against it;</li>
 *   <li>{@code validation.request.body.schema.additionalProperties}, requests only: the API ignores
 *       fields it does not know ({@code fail-on-unknown-properties: false}). A response field the
 *       document does not list still fails.</li>
 * </ul>
 */
public final class OpenApiValidation {

    private static final Map<MockMvc, OpenApiInteractionValidator> VALIDATORS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private OpenApiValidation() {
    }

    static OpenApiInteractionValidator validator(MockMvc mvc) {
        return VALIDATORS.computeIfAbsent(mvc, m -> {
            try {
                String document = m.perform(get("/v3/api-docs")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.body.schema.format.date-time", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read /v3/api-docs", e);
            }
        });
    }

    /** Fails with the validator's messages when the exchange does not match the document. */
    public static void check(MockMvc mvc, MvcResult result) {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        if (!path.startsWith("/api/")) {
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(request.getMethod()), path);
        Collections.list(request.getHeaderNames()).forEach(name ->
                req.withHeader(name, Collections.list(request.getHeaders(name))));
        request.getParameterMap().forEach((name, values) -> {
            if (request.getQueryString() != null && request.getQueryString().contains(name + "=")) {
                req.withQueryParam(name, values);
            }
        });
        byte[] body = request.getContentAsByteArray();
        if (body != null && body.length > 0) {
            req.withBody(body);
        }
        SimpleResponse.Builder res = SimpleResponse.Builder.status(response.getStatus());
        response.getHeaderNames().forEach(name -> res.withHeader(name, response.getHeaders(name)));
        try {
            String content = response.getContentAsString(StandardCharsets.UTF_8);
            if (!content.isEmpty()) {
                res.withBody(content);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ValidationReport report = validator(mvc).validate(req.build(), res.build());
        boolean accepted = response.getStatus() < 400;
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("OpenAPI document does not describe " + request.getMethod() + " " + path
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + " → "
                    + response.getStatus() + ":\n" + errors.stream()
                    .map(m -> "  [" + m.getKey() + "] " + m.getMessage()
                            + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                    .collect(Collectors.joining("\n")) + "\nresponse: " + abbreviate(response));
        }
    }

    private static String abbreviate(MockHttpServletResponse response) {
        try {
            String s = response.getContentAsString(StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
        } catch (Exception e) {
            return "?";
        }
    }
}
