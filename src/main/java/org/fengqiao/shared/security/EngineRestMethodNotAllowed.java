package org.fengqiao.shared.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A 405 of {@code /engine-rest} keeps the {@code Allow} header Jersey computed: Camunda's catch-all
 * exception mapper rebuilt the response without it. The body keeps Camunda's {@code type} and
 * {@code message} and adds {@code status} and {@code title}.
 */
@Component
class EngineRestMethodNotAllowed implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    static class Mapper implements ExceptionMapper<NotAllowedException> {
        @Override
        public Response toResponse(NotAllowedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "/problems/method-not-allowed");
            body.put("title", "Method not allowed");
            body.put("status", 405);
            body.put("message", "不支持该请求方法 (method not allowed)");
            Response.ResponseBuilder builder = Response.status(405).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
            e.getResponse().getAllowedMethods().forEach(m -> builder.header("Allow", m));
            return builder.build();
        }
    }
}
