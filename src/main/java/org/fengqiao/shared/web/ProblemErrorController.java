package org.fengqiao.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page as a problem: errors no door turned into a problem itself (an
 * exception that escaped a servlet, a {@code sendError}) and a direct request for {@code /error}
 * (a 404, where Spring Boot's default page answered 500 with status 999).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            status = 500;
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem;
        if (code == null) {
            problem = Problems.of(404, "not-found", "Not found", "不存在的地址 (no such resource)");
        } else if (status == 404) {
            problem = Problems.of(404, "not-found", "Not found", "不存在的地址 (no such resource)");
        } else if (status == 400) {
            problem = Problems.of(400, "malformed-request", "Malformed request", "请求无效 (malformed request)");
        } else if (status >= 500) {
            problem = Problems.of(status, "internal-error", known.getReasonPhrase(), "服务器内部错误 (unexpected error)");
        } else {
            problem = Problems.of(status, "http-" + status, known.getReasonPhrase(), known.getReasonPhrase());
        }
        return ProblemHandler.respond(problem);
    }
}
