package org.fengqiao.shared.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.fengqiao.shared.web.CachedBodyRequest;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.StepForms;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the engine's own REST doors — {@code /engine-rest} and the webapps' {@code /camunda/api/engine}
 * — let a user who is not an admin do beyond the engine's authorizations:
 * <ul>
 *   <li>request bodies are capped (413) on {@code /engine-rest} and all of {@code /camunda/api};</li>
 *   <li>housekeeping and engine-wide calls (metrics, identity verification, conditions, migration,
 *       batches, deployments, bulk operations) are admin-only (403); jobs, job definitions, incidents
 *       and statistics are read by Cockpit users only (the engine limits them to what they may see),
 *       and changed by admins only;</li>
 *   <li>no variable is written outside a step: {@code PUT/POST/DELETE …/variables…} on tasks,
 *       process instances, executions and case instances is admin-only (403). The Tasklist's forms
 *       submit their fields with the completion;</li>
 *   <li>a completion ({@code task/{id}/complete}, {@code submit-form}, {@code resolve}) carries only
 *       the fields of the task's form (422 naming each other field, in Chinese);</li>
 *   <li>a task is worked, not rewritten: claiming, unclaiming, assigning (checked against the case's organisation by
 *       the modules' listeners) and completing are the steps' own acts; renaming a task, moving or removing its due
 *       date (the 督办 filters and clocks read it), adding or removing candidates (handing the case to another
 *       organisation), delegating, deleting, attaching files outside the dossier and throwing BPMN errors or
 *       escalations from a task (an uncaught error ends the case's whole process) are admin-only (403), and so is
 *       triggering an execution's message subscription or signal: outside events come through {@code /api};</li>
 *   <li>a process instance starts at its start event, with its listeners (403 for {@code startInstructions},
 *       {@code skipCustomListeners}, {@code skipIoMappings}): a start form's listener registers the case or item.</li>
 * </ul>
 * The listeners check the same again, whatever the door; this filter answers before the engine is
 * touched, with the refusal in Camunda's error shape ({@code type}, {@code message}) plus
 * {@code status}, {@code title}, {@code detail} and {@code errors}.
 */
class EngineDoorGuard extends OncePerRequestFilter {

    private static final Pattern VARIABLE_WRITE = Pattern.compile(
            "^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
    /** Writes on a task or an execution that no step needs (see the class comment); admins only. */
    private static final Pattern TASK_REWRITE = Pattern.compile("^/(task/[^/]+/(identity-links(/delete)?"
            + "|bpmnError|bpmnEscalation|delegate|attachment(/.*)?)|execution/[^/]+/(signal|messageSubscriptions(/.*)?))/?$");
    /** The task itself: PUT rewrites its name, due date, priority, assignee and owner at once; DELETE removes it. */
    private static final Pattern TASK_ITSELF = Pattern.compile("^/task/[^/]+/?$");
    /** Starting a process instance: from its start event only, so that its start listener (e.g. a registration) runs. */
    private static final Pattern START = Pattern.compile(
            "^/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/start/?$");
    private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
    /** A completion body larger than this is not a form's. */
    private static final int MAX_COMPLETION_BYTES = 1 << 20;

    private final ObjectMapper mapper;
    /** Looked up on first use: the filter is created with the web server, before the engine and its schema. */
    private final org.springframework.beans.factory.ObjectProvider<TaskService> tasks;
    private final StepForms forms;

    private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.AuthorizationService> authorizations;
    private final long maxBodyBytes;

    EngineDoorGuard(ObjectMapper mapper, org.springframework.beans.factory.ObjectProvider<TaskService> tasks, StepForms forms,
                    org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.AuthorizationService> authorizations,
                    long maxBodyBytes) {
        this.authorizations = authorizations;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = mapper;
        this.tasks = tasks;
        this.forms = forms;
    }

    /** The path behind the door ({@code /task/…}), or null for requests this guard leaves alone. */
    static String enginePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest/")) {
            return path.substring("/engine-rest".length());
        }
        Matcher webapp = WEBAPP_ENGINE.matcher(path);
        return webapp.matches() ? webapp.group(1) : null;
    }

    /** Engine calls nobody but an admin makes: housekeeping, the engine's figures, other users' passwords, deployments. */
    private static final Pattern ADMIN_ONLY = Pattern.compile("^/(metrics|identity/verify|condition|migration|batch"
            + "|deployment|history-cleanup|history/batch|history/cleanup|modification|restart|telemetry|schema"
            + "|process-instance/(delete|delete-historic-query-based|suspended|suspended-async|job-retries"
            + "|job-retries-historic-query-based|variables-async|correlation)"
            + "|history/process-instance/(delete|set-removal-time)|external-task/retries.*|signal|message)(/.*)?$");
    /** Reads the Cockpit's pages need (limited by the engine to what the caller may see); writes are admin-only. */
    private static final Pattern COCKPIT_READS = Pattern.compile("^/(job|job-definition|incident"
            + "|process-definition(/[^/]+|/key/[^/]+(/tenant-id/[^/]+)?)?/statistics)(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!reading) {
            long length = request.getContentLengthLong();
            if (length > maxBodyBytes) {
                tooLarge(response);
                return;
            }
            if (length < 0) {
                // chunked: read what may come, and no more
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (body.length > maxBodyBytes) {
                    tooLarge(response);
                    return;
                }
                request = new CachedBodyRequest(request, body);
            }
        }
        String path = enginePath(request);
        if (path == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean admin = isAdmin(request);
        if (!admin && ADMIN_ONLY.matcher(path).matches()) {
            write(response, 403, "forbidden", "Forbidden", "仅系统管理员可以调用 (admins only)", null);
            return;
        }
        if (!admin && COCKPIT_READS.matcher(path).matches() && !(reading && hasCockpit(request))) {
            write(response, 403, "forbidden", "Forbidden", reading
                    ? "仅 Cockpit 用户可以查看 (Cockpit users only)" : "仅系统管理员可以调用 (admins only)", null);
            return;
        }
        if (reading) {
            chain.doFilter(request, response);
            return;
        }
        if (!admin && (TASK_REWRITE.matcher(path).matches()
                || TASK_ITSELF.matcher(path).matches() && (method.equals("PUT") || method.equals("DELETE")))) {
            write(response, 403, "forbidden", "Forbidden",
                    "步骤只能认领、办理和提交，不能修改其期限、候选组或流程走向 (a task is worked, not rewritten)", null);
            return;
        }
        if (VARIABLE_WRITE.matcher(path).matches() && !admin) {
            write(response, 403, "forbidden", "Forbidden",
                    "变量只能随步骤的表单提交，不能单独修改 (variables are submitted with a step's form only)", null);
            return;
        }
        Matcher completion = COMPLETION.matcher(path);
        if (completion.matches() && method.equals("POST")) {
            byte[] body = request.getInputStream().readNBytes(MAX_COMPLETION_BYTES + 1);
            if (body.length > MAX_COMPLETION_BYTES) {
                write(response, 413, "payload-too-large", "Payload too large", "请求体过大 (body too large)", null);
                return;
            }
            Task task = tasks.getObject().createTaskQuery().taskId(completion.group(1)).initializeFormKeys().singleResult();
            if (task == null) {
                // completed meanwhile (through /api, the Tasklist or another node), or never there
                write(response, 404, "not-found", "Not found",
                        "该步骤不存在或已由他人办理 (the task does not exist or was already completed)", null);
                return;
            }
            List<ValidationException.FieldError> errors = undeclared(task, body);
            if (!errors.isEmpty()) {
                ValidationException refusal = new ValidationException(errors);
                write(response, 422, "validation-failed", "Validation failed", refusal.getMessage(), errors);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        if (!admin && method.equals("POST") && START.matcher(path).matches()) {
            byte[] body = request.getInputStream().readNBytes(MAX_COMPLETION_BYTES + 1);
            if (body.length > MAX_COMPLETION_BYTES) {
                write(response, 413, "payload-too-large", "Payload too large", "请求体过大 (body too large)", null);
                return;
            }
            if (skipsTheStart(body)) {
                write(response, 403, "forbidden", "Forbidden",
                        "流程只能从开始事件启动 (a process starts at its start event, with its listeners)", null);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a start request begins elsewhere than the start event or skips its listeners. */
    private boolean skipsTheStart(byte[] body) {
        JsonNode start;
        try {
            start = body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return false; // the engine answers malformed JSON itself
        }
        if (start == null || !start.isObject()) {
            return false;
        }
        JsonNode instructions = start.path("startInstructions");
        return (instructions.isArray() && !instructions.isEmpty()) || start.path("skipCustomListeners").asBoolean(false)
                || start.path("skipIoMappings").asBoolean(false);
    }

    private List<ValidationException.FieldError> undeclared(Task task, byte[] body) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        JsonNode variables;
        try {
            variables = body.length == 0 ? null : mapper.readTree(body).path("variables");
        } catch (IOException e) {
            return errors; // the engine answers malformed JSON itself
        }
        if (variables == null || !variables.isObject() || variables.isEmpty()) {
            return errors;
        }
        String formId = StepForms.formIdOf(task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey(),
                task.getFormKey());
        Set<String> declared = formId == null ? Set.of() : forms.fieldsOf(formId);
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = variables.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (String name : names) {
            if (!declared.contains(name)) {
                errors.add(new ValidationException.FieldError(name,
                        "本步骤的表单没有该字段，不能提交 (not a field of this step's form)"));
            }
        }
        return errors;
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        write(response, 413, "payload-too-large", "Payload too large",
                "请求体超过 " + maxBodyBytes + " 字节 (request body too large)", null);
    }

    /** The caller's user id and groups, from Spring Security (/engine-rest) or the webapps' session. */
    private static Map.Entry<String, List<String>> caller(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
            return Map.entry(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority()).toList());
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null) {
            for (UserAuthentication user : authentications.getAuthentications()) {
                return Map.entry(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
            }
        }
        return null;
    }

    /** Whether the caller may use the Cockpit (Camunda's APPLICATION authorization, as the webapps check it). */
    private boolean hasCockpit(HttpServletRequest request) {
        Map.Entry<String, List<String>> caller = caller(request);
        return caller != null && authorizations.getObject().isUserAuthorized(caller.getKey(), caller.getValue(),
                org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit");
    }

    private static boolean isAdmin(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> Caller.ADMIN_GROUP.equals(a.getAuthority()))) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return false;
        }
        for (UserAuthentication user : authentications.getAuthentications()) {
            if (user.getGroupIds() != null && user.getGroupIds().contains(Caller.ADMIN_GROUP)) {
                return true;
            }
        }
        return false;
    }

    /** Camunda's error shape ({@code type}, {@code message}) with the problem's fields. */
    void write(HttpServletResponse response, int status, String slug, String title, String detail,
               List<ValidationException.FieldError> errors) throws IOException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("message", detail);
        body.put("detail", detail);
        if (errors != null) {
            body.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }
}
