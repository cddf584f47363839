package org.fengqiao.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fengqiao.shared.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds RFC 9457 problems with the contract's relative {@code /problems/<slug>} types. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(int status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        problem.setDetail(detail);
        return problem;
    }

    public static ProblemDetail validation(List<ValidationException.FieldError> errors, String detail) {
        ProblemDetail problem = of(422, "validation-failed", "Validation failed", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** For filters that answer before Spring MVC: writes the problem directly. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED.value(), "unauthorized", "Unauthorized",
                "需要登录：请使用 HTTP Basic 认证 (credentials missing or wrong)");
    }

    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN.value(), "forbidden", "Forbidden", detail);
    }
}
