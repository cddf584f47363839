package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The court's 司法确认 ruling is both a court liaison's Tasklist task and the message an integrator
 * sends (POST court-decision): whichever comes first decides, the other is withdrawn.
 */
@FengqiaoTest
class DisputeCourtDecisionTest extends DisputeApiTestBase {

    private static final List<String> COURT_GROUPS = List.of("court", "rz-ls-court-court");

    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
        TestClock.restore();
    }

    private String filed() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.agreement(id, "WRITTEN");
        f.confirmation(id, DisputeFixtures.justNow());
        return id;
    }

    /** Filed and accepted by the court (D13): the ruling is the court liaison's next step. */
    private String accepted() {
        String id = filed();
        f.courtAcceptance(id, DisputeFixtures.justNow());
        return id;
    }

    private String pid(String id) {
        return f.get("admin", id).text("processInstanceId");
    }

    private long messageSubscriptions(String id) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(pid(id)).eventType("message")
                .eventName("CourtDecision").count();
    }

    /** The court liaison's tasks as the Tasklist's 本组待办 filter lists them for the logged-in court user. */
    private List<Task> courtGroupTasks() {
        Filter filter = filterService.createFilterQuery().filterName("本组待办").singleResult();
        identityService.setAuthentication("court", COURT_GROUPS);
        try {
            return filterService.list(filter.getId());
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    @DisplayName("D13: the court liaison decides in the Tasklist (本组待办); the message subscription is withdrawn, a later message is 409")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_CourtDecision",
            "processes/dispute/forms/dispute-court-decision-form.form#Field_dispute_court_decision_form_4"})
    @LegalRule(value = "D12", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ConfirmationFiled"})
    void courtDecidesInTheTasklist() {
        String id = accepted();
        Task task = taskService.createTaskQuery().processInstanceId(pid(id)).taskDefinitionKey("UserTask_CourtDecision")
                .singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getDueDate()).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId())
                .isEqualTo("rz-ls-court-court"));
        assertThat(courtGroupTasks()).extracting(Task::getId).contains(task.getId());
        assertThat(messageSubscriptions(id)).isEqualTo(1);

        // the same validation as the REST action
        identityService.setAuthentication("court", COURT_GROUPS);
        Throwable refused = catchThrowable(() -> taskService.complete(task.getId(), Map.of("notes", "未选择结果")));
        identityService.clearAuthentication();
        assertThat(validation(refused).errors()).extracting(ValidationException.FieldError::field).contains("result");
        assertThat(f.get("court", id).text("status")).isEqualTo("JUDICIAL_CONFIRMATION");

        identityService.setAuthentication("court", COURT_GROUPS);
        Map<String, Object> form = new HashMap<>(Map.of("result", "CONFIRMED_VALID", "notes", "（2026）鲁1103民特12号"));
        assertThat(catchThrowable(() -> taskService.complete(task.getId(), form))).isNull();
        identityService.clearAuthentication();

        Api.Response decided = f.get("mediator1", id);
        assertThat(decided.text("status")).isEqualTo("PERFORMANCE_MONITORING");
        assertThat(decided.body().path("judicialConfirmation").path("result").asText()).isEqualTo("CONFIRMED_VALID");
        assertThat(f.lastEntry("mediator1", id, "court-decision").path("actor").asText()).isEqualTo("court");
        assertThat(messageSubscriptions(id)).isZero();
        Api.Response late = f.act("court", id, "court-decision", Map.of("result", "REJECTED"));
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("PERFORMANCE_MONITORING");
    }

    @Test
    @DisplayName("D14: the integrator's message decides first (REJECTED → IN_MEDIATION) and the court liaison's task is withdrawn")
    @LegalRule(value = "D14", model = {"processes/dispute/dispute-mediation.bpmn#Event_CourtDecisionReceived",
            "processes/dispute/dispute-mediation.bpmn#Flow_ConfirmationRejected"})
    void messageWithdrawsTheTask() {
        String id = accepted();
        assertThat(taskService.createTaskQuery().processInstanceId(pid(id)).taskDefinitionKey("UserTask_CourtDecision")
                .count()).isEqualTo(1);
        Api.Response invalid = f.act("court", id, "court-decision", Map.of("notes", "无结果"));
        assertThat(invalid.status()).as(invalid.body().toString()).isEqualTo(422);
        assertThat(taskService.createTaskQuery().processInstanceId(pid(id)).taskDefinitionKey("UserTask_CourtDecision")
                .count()).isEqualTo(1);

        f.ok("court", id, "court-decision", Map.of("result", "REJECTED", "notes", "协议内容违反法律规定"), "IN_MEDIATION");
        assertThat(taskService.createTaskQuery().processInstanceId(pid(id)).taskDefinitionKey("UserTask_CourtDecision")
                .count()).isZero();
        assertThat(courtGroupTasks()).noneMatch(t -> t.getProcessInstanceId().equals(pid(id)));
        assertThat(taskService.createTaskQuery().processInstanceId(pid(id)).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactly("UserTask_Mediate");
        assertThat(f.lastEntry("mediator1", id, "court-decision").path("details").path("result").asText()).isEqualTo("REJECTED");
    }

    private Task task(String id, String key) {
        return taskService.createTaskQuery().processInstanceId(pid(id)).taskDefinitionKey(key).singleResult();
    }

    private Throwable completeAsCourt(Task task, Map<String, Object> form) {
        identityService.setAuthentication("court", COURT_GROUPS);
        try {
            return catchThrowable(() -> taskService.complete(task.getId(), form));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    @DisplayName("D13: the court liaison records the acceptance and the president's extension in the Tasklist, with the REST actions' validation; the extended step rules")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_CourtAcceptance",
            "processes/dispute/forms/dispute-court-acceptance-form.form#Field_dispute_court_acceptance_form_5",
            "processes/dispute/forms/dispute-court-decision-form.form#Field_dispute_court_decision_form_6",
            "processes/dispute/dispute-mediation.bpmn#UserTask_CourtDecisionExtended"})
    void acceptanceAndExtensionInTheTasklist() {
        String id = filed();
        String filedAt = f.get("court", id).body().path("judicialConfirmation").path("filedAt").asText();
        Task acceptance = task(id, "UserTask_CourtAcceptance");
        assertThat(acceptance).isNotNull();
        assertThat(acceptance.getDueDate()).isNotNull();
        assertThat(task(id, "UserTask_CourtDecision")).as("the ruling follows the acceptance").isNull();
        assertThat(courtGroupTasks()).extracting(Task::getId).contains(acceptance.getId());
        assertThat(messageSubscriptions(id)).as("a court ruling at once may still arrive").isEqualTo(1);

        // the REST action's validation: no case number, an acceptance before the filing
        Throwable refused = completeAsCourt(acceptance, new HashMap<>(Map.of("acceptedAt",
                java.time.OffsetDateTime.parse(filedAt).minusDays(2).toString())));
        assertThat(validation(refused).errors()).extracting(ValidationException.FieldError::field)
                .contains("courtCaseNo", "acceptedAt");
        assertThat(completeAsCourt(acceptance, new HashMap<>(Map.of("acceptedAt", DisputeFixtures.justNow(),
                "courtCaseNo", "（2026）鲁1103民特21号")))).isNull();
        Api.Response accepted = f.get("mediator1", id);
        assertThat(accepted.body().path("judicialConfirmation").path("courtCaseNo").asText()).isEqualTo("（2026）鲁1103民特21号");
        assertThat(accepted.body().path("judicialConfirmation").path("reviewDueAt").isNull()).isFalse();
        assertThat(f.lastEntry("mediator1", id, "court-acceptance").path("actor").asText()).isEqualTo("court");
        Api.Response again = f.act("court", id, "court-acceptance", Map.of("acceptedAt", DisputeFixtures.justNow(),
                "courtCaseNo", "（2026）鲁1103民特22号"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains("已受理").contains("already accepted");

        Task decision = task(id, "UserTask_CourtDecision");
        assertThat(decision.getDueDate()).isNotNull();
        Throwable noReason = completeAsCourt(decision, new HashMap<>(Map.of("action", "court-extension")));
        assertThat(validation(noReason).errors()).extracting(ValidationException.FieldError::field).contains("reason");
        assertThat(completeAsCourt(decision, new HashMap<>(Map.of("action", "court-extension",
                "reason", "案情复杂，经院长批准延长十日")))).isNull();
        Task extended = task(id, "UserTask_CourtDecisionExtended");
        assertThat(extended).isNotNull();
        assertThat(extended.getDueDate()).isAfter(decision.getDueDate());
        assertThat(f.lastEntry("mediator1", id, "court-extension").path("details").path("reason").asText())
                .isEqualTo("案情复杂，经院长批准延长十日");

        assertThat(completeAsCourt(extended, new HashMap<>(Map.of("result", "REJECTED", "notes", "协议内容不明确")))).isNull();
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");
        assertThat(messageSubscriptions(id)).isZero();
    }

    private static ValidationException validation(Throwable thrown) {
        assertThat(thrown).as("completion must be refused").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
        }
        throw new AssertionError("no ValidationException in " + thrown, thrown);
    }
}
