package org.fengqiao.shared.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.fengqiao.shared.DomainException;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's own REST doors ({@code /engine-rest}, and the webapps' {@code /camunda/api/engine})
 * map an exception thrown by a task listener to a 500 with the engine's wrapping message. When a
 * listener refused the step (a {@link DomainException} recorded by {@link ProcessSteps#recordingRefusals}),
 * this filter answers with the refusal instead: its status (422, 403, 404, 409), and a body that
 * keeps Camunda's {@code type} and {@code message} (what the Tasklist and Cockpit show) and adds the
 * problem's {@code status}, {@code title}, {@code detail} and, for 422, the field {@code errors}.
 * Only error responses are buffered; successful ones stream through untouched.
 */
class EngineDoorProblems extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    EngineDoorProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProcessSteps.takeRefusal();
        ErrorCapturingResponse wrapped = new ErrorCapturingResponse(response);
        try {
            chain.doFilter(request, wrapped);
        } finally {
            DomainException refusal = ProcessSteps.takeRefusal();
            if (wrapped.capturing() && refusal != null && !response.isCommitted()) {
                response.resetBuffer();
                writeRefusal(response, refusal, request.getRequestURI().startsWith(request.getContextPath() + "/camunda/"));
            } else {
                wrapped.release(mapper);
            }
        }
    }

    private void writeRefusal(HttpServletResponse response, DomainException refusal, boolean webapp) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + refusal.slug());
        body.put("title", refusal.title());
        body.put("status", refusal.status());
        // the webapps show "message" to the centre's staff as it is: plain Chinese there, no field keys
        body.put("message", webapp ? plainChinese(refusal) : refusal.getMessage());
        body.put("detail", refusal.getMessage());
        if (refusal instanceof ValidationException v) {
            body.put("errors", v.errors());
        }
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = mapper.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static final java.util.regex.Pattern ENGLISH_ASIDE = java.util.regex.Pattern.compile("\\s*\\([^()]*[A-Za-z][^()]*\\)");

    /** The refusal as the Tasklist shows it: the Chinese reasons without field keys or English asides. */
    static String plainChinese(DomainException refusal) {
        if (refusal instanceof ValidationException v) {
            java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
            v.errors().forEach(e -> reasons.add(ENGLISH_ASIDE.matcher(e.message()).replaceAll("").strip()));
            return "未能提交，请按表单中标出的提示修改：" + String.join("；", reasons);
        }
        String text = ENGLISH_ASIDE.matcher(String.valueOf(refusal.getMessage())).replaceAll("").strip();
        return text.isEmpty() ? "未能提交，请检查填写的内容" : text;
    }

    /** Passes a success through; from the first error status on, keeps the body to be replaced or released. */
    static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private boolean capturing;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorCapturingResponse(HttpServletResponse response) {
            super(response);
        }

        boolean capturing() {
            return capturing;
        }

        @Override
        public void setStatus(int sc) {
            capturing = sc >= 400;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            // keep the container's own error handling for errors nobody replaces
            if (ProcessSteps.peekRefusal() == null) {
                super.sendError(sc, msg);
                return;
            }
            capturing = true;
            super.setStatus(sc);
        }

        @Override
        public void setContentLength(int len) {
            if (!capturing) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!capturing) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!capturing) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!capturing) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override public boolean isReady() { return true; }
                    @Override public void setWriteListener(WriteListener listener) { }
                    @Override public void write(int b) { buffer.write(b); }
                    @Override public void write(byte[] b, int off, int len) { buffer.write(b, off, len); }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!capturing) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        /**
         * Writes what was kept back. A Camunda error ({@code type}, {@code message}) gains the
         * problem's {@code status} and {@code title}; the engine's 500s that are not the server's
         * fault get their real status: a task that is gone 404, a refused authorization 403, a
         * concurrent change 409.
         */
        void release(ObjectMapper mapper) throws IOException {
            if (!capturing) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] bytes = buffer.toByteArray();
            HttpServletResponse target = (HttpServletResponse) getResponse();
            if (!target.isCommitted()) {
                byte[] enriched = enrich(mapper, target, bytes);
                if (enriched != null) {
                    bytes = enriched;
                }
                target.setContentLength(bytes.length);
            }
            target.getOutputStream().write(bytes);
        }

        private static byte[] enrich(ObjectMapper mapper, HttpServletResponse target, byte[] bytes) {
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = bytes.length == 0 ? null : mapper.readTree(bytes);
            } catch (IOException notJson) {
                return null;
            }
            if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode body) || !body.has("type")
                    || !body.has("message") || body.has("status")) {
                return null;
            }
            int status = target.getStatus();
            String type = body.path("type").asText();
            String message = body.path("message").asText("");
            if (status == 500) {
                if (type.equals("AuthorizationException")) {
                    status = 403;
                } else if (type.equals("OptimisticLockingException")) {
                    status = 409;
                } else if (type.equals("NullValueException") || type.equals("NotFoundException")
                        || message.contains("Cannot find task") || message.contains("task is null")) {
                    status = 404;
                }
            }
            org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
            body.put("status", status);
            body.put("title", known == null ? "Error" : known.getReasonPhrase());
            target.setStatus(status);
            try {
                return mapper.writeValueAsBytes(body);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
