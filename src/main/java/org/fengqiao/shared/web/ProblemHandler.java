package org.fengqiao.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.fengqiao.shared.DomainException;
import org.fengqiao.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal of the REST facade becomes an RFC 9457 problem with a contract slug. Exceptions
 * thrown by process listeners arrive wrapped by the engine; the domain cause is unwrapped first.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception exception) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain);
            }
            if (cause instanceof org.camunda.bpm.engine.AuthorizationException
                    || cause instanceof org.camunda.bpm.engine.exception.NotFoundException) {
                // the domain allowed the step; the engine no longer does: another node completed or moved it
                return respond(Problems.of(409, "illegal-transition", "Illegal transition",
                        "该步骤已由他人办理，请刷新后重试 (the step was completed concurrently; reload and retry)"));
            }
            if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException) {
                return respond(Problems.of(409, "illegal-transition", "Illegal transition",
                        "该案件刚被他人修改，请刷新后重试 (the resource was changed concurrently; reload and retry)"));
            }
        }
        if (exception instanceof NullValueException) {
            // a task that vanished between our check and completion: someone else completed it
            return respond(Problems.of(409, "illegal-transition", "Illegal transition",
                    "该步骤已由他人办理 (the step was completed concurrently)"));
        }
        log.error("Unexpected error", exception);
        return respond(Problems.of(500, "internal-error", "Internal error", "服务器内部错误 (unexpected error)"));
    }

    private ResponseEntity<ProblemDetail> domain(DomainException e) {
        if (e instanceof ValidationException v) {
            return respond(Problems.validation(v.errors(), v.getMessage()));
        }
        return respond(Problems.of(e.status(), e.slug(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String detail = "请求体无法解析 (body is not valid JSON of the expected shape)";
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            detail = "字段 " + path(ife) + " 的取值无效 (unknown value '" + ife.getValue() + "' for "
                    + path(ife) + ")";
        } else if (cause instanceof MismatchedInputException mie) {
            detail = "字段 " + path(mie) + " 类型错误 (wrong type for " + path(mie) + ")";
        }
        return respond(Problems.of(400, "malformed-request", "Malformed request", detail));
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        });
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return respond(Problems.of(400, "malformed-request", "Malformed request",
                "请求参数无效 (invalid request parameter): " + e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(new ValidationException.FieldError(fe.getField(), fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new ValidationException.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return respond(Problems.validation(errors, "请求内容不符合规则 (request violates validation rules)"));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new ValidationException.FieldError(r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage()))));
        return respond(Problems.validation(errors, "请求参数不符合规则 (parameters violate validation rules)"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(415, "unsupported-media-type", "Unsupported media type",
                "请求体必须是 application/json (body must be application/json)"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(406, "not-acceptable", "Not acceptable", "只提供 application/json (only JSON is served)"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> response = respond(Problems.of(405, "method-not-allowed", "Method not allowed",
                "不支持该请求方法 (method not allowed): " + e.getMethod()));
        // RFC 9110 §15.5.6: a 405 lists the methods the resource supports
        return ResponseEntity.status(405).headers(e.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(404, "not-found", "Not found", "不存在的地址 (no such resource)"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(Problems.of(413, "payload-too-large", "Payload too large", "请求体过大 (body too large)"));
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
