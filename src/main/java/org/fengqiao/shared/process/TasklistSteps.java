package org.fengqiao.shared.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fengqiao.shared.Caller;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Tasklist's embedded form needs to render a step of a module's process: the step's
 * Camunda Form (the single source of its fields), where the case is read in {@code /api}, and the
 * choices of its picker fields, scoped to the caller. Each module with Tasklist steps provides one.
 */
public interface TasklistSteps {

    /** One choice of a picker; {@code data} carries what choosing it implies (e.g. the organisation's level). */
    record Option(String value, String label, Map<String, String> data) {
    }

    /**
     * A step as the embedded form renders it.
     *
     * @param caseApi  the case in {@code /api} (its view; {@code /history}, {@code /documents} below it), null for a start form
     * @param options  choices by field key; a field with options is shown as a picker
     * @param defaults values preselected by field key (e.g. the triage suggestion's organisation)
     * @param readOnly true when the caller may read the task but not work it (a 督办员 following an
     *                 overdue step): the form shows the case and refuses to submit
     */
    record Step(String formId, JsonNode form, String caseApi, String caseNo, Map<String, List<Option>> options,
                Map<String, Object> defaults, boolean readOnly) {

        public Step(String formId, JsonNode form, String caseApi, String caseNo, Map<String, List<Option>> options,
                    Map<String, Object> defaults) {
            this(formId, form, caseApi, caseNo, options, defaults, false);
        }

        public Step readOnly(boolean value) {
            return new Step(formId, form, caseApi, caseNo, options, defaults, value);
        }
    }

    /** The step of a task the caller may see, or empty when the task is not this module's (or not visible). */
    Optional<Step> task(String taskId, Caller caller);

    /** The start form of a process of this module, or empty when the process is not this module's. */
    Optional<Step> startForm(String processKey, Caller caller);
}
