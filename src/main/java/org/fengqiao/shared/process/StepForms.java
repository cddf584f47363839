package org.fengqiao.shared.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.fengqiao.shared.ValidationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields each step declares: the keys of its Camunda Form ({@code processes/**}/*.form, by the
 * form's id, which the user task names in {@code camunda:formRef}). A completion may carry those
 * fields and nothing else — whichever door it came through (the REST facade, {@code /engine-rest},
 * the Tasklist's own API) — so that a variable a user writes cannot name another case, item or
 * appeal, or smuggle anything else into the step. The variables the process itself keeps (ids,
 * groups, timer dates, summaries) are recomputed from the domain after every step and never read
 * as input.
 */
@Component
public class StepForms {

    private final Map<String, Set<String>> fieldsByForm;
    private final Map<String, JsonNode> formsById;

    StepForms(ObjectMapper mapper) throws IOException {
        Map<String, Set<String>> fields = new HashMap<>();
        Map<String, JsonNode> json = new HashMap<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.form");
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode form = mapper.readTree(in);
                Set<String> keys = new LinkedHashSet<>();
                collect(form, keys);
                fields.put(form.path("id").asText(), Set.copyOf(keys));
                json.put(form.path("id").asText(), form);
            }
        }
        this.fieldsByForm = Map.copyOf(fields);
        this.formsById = Map.copyOf(json);
    }

    private static void collect(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collect(component, keys);
        }
    }

    /** The keys of the form the task shows in the Tasklist (empty if it has none). */
    public Set<String> fieldsOf(DelegateTask task) {
        String formRef = formRefOf(task);
        return formRef == null ? Set.of() : fieldsByForm.getOrDefault(formRef, Set.of());
    }

    /** The keys of a form by its id. */
    public Set<String> fieldsOf(String formId) {
        return fieldsByForm.getOrDefault(formId, Set.of());
    }

    private static String formRefOf(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        return userTask == null ? null : formIdOf(userTask.getCamundaFormRef(), userTask.getCamundaFormKey());
    }

    /** The product's embedded form, deployed once per Camunda Form under the form's path with {@code .html}. */
    private static final java.util.regex.Pattern EMBEDDED = java.util.regex.Pattern.compile(
            "^embedded:deployment:(?:.*/)?([^/]+)\\.html$");

    /**
     * The id of the Camunda Form a step shows: its {@code camunda:formRef}, or — for a step shown
     * with the product's embedded form, which renders that Camunda Form — the form named by its
     * {@code camunda:formKey} ({@code embedded:deployment:dispute/forms/dispute-triage-form.html}
     * renders {@code dispute-triage-form}). Null when the step has no form.
     */
    public static String formIdOf(String formRef, String formKey) {
        if (formRef != null) {
            return formRef;
        }
        if (formKey == null) {
            return null;
        }
        java.util.regex.Matcher m = EMBEDDED.matcher(formKey);
        return m.matches() ? m.group(1) : null;
    }

    /** The Camunda Form (JSON) with this id, as deployed from {@code processes/}; null if none. */
    public JsonNode formJson(String formId) {
        return formsById.get(formId);
    }

    /**
     * Refuses (422, one error per field) a completion that carries variables other than the task's
     * form fields, {@code alsoDeclared} (fields of the REST contract of this step), the variables
     * the process keeps itself and the task's card ({@link TaskCardVariables}).
     */
    public void refuseUndeclared(DelegateTask task, Collection<String> processOwned, Collection<String> alsoDeclared) {
        Set<String> allowed = new java.util.HashSet<>(fieldsOf(task));
        allowed.addAll(processOwned);
        allowed.addAll(alsoDeclared);
        allowed.addAll(TaskCardVariables.CARD.values()); // the card's copies on the task (display only)
        refuseOutside(allowed, task.getVariableNames(), "本步骤的表单没有该字段，不能提交 (not a field of this step's form)");
    }

    /** Refuses (422, one error per field) a start form's submission that carries anything but the form's fields. */
    public void refuseUndeclared(String formId, Collection<String> submitted, String message) {
        refuseOutside(fieldsOf(formId), submitted, message);
    }

    private static void refuseOutside(Set<String> allowed, Collection<String> submitted, String message) {
        Set<String> undeclared = new TreeSet<>(submitted);
        undeclared.removeAll(allowed);
        if (undeclared.isEmpty()) {
            return;
        }
        List<ValidationException.FieldError> errors = new ArrayList<>();
        for (String name : undeclared) {
            errors.add(new ValidationException.FieldError(name, message));
        }
        throw new ValidationException(errors);
    }
}
