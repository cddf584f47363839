package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.fengqiao.shared.DomainException;
import org.fengqiao.support.TestClock;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Tasklist and the REST facade are two doors to the same step: completing the Camunda user
 * task with form-style variables applies the same domain rules, as the logged-in user.
 */
@FengqiaoTest
class DisputeTasklistDoorTest extends DisputeTasklistTestBase {

    private static final List<String> MEDIATOR1_GROUPS = List.of("mediator", "rz-ls-adw-tw-mediator");

    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
        TestClock.restore();
    }

    private static <T extends DomainException> T domainCause(Throwable thrown, Class<T> type) {
        assertThat(thrown).as("completion must be refused").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("expected " + type.getSimpleName() + " in the cause chain of " + thrown, thrown);
    }

    /** A datetime field as the Camunda Form submits it: local date-time without offset. */
    private static String formDateTime() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.ofHours(8)).minusMinutes(30)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    private static Map<String, Object> sessionForm(Object rightsNoticeDelivered) {
        Map<String, Object> form = new HashMap<>();
        form.put("action", "sessions");
        form.put("heldAt", formDateTime());
        form.put("place", "安东卫街道调解室");
        form.put("minutes", "双方陈述意见，调解员释法说理");
        form.put("rightsNoticeDelivered", rightsNoticeDelivered);
        return form;
    }

    @Test
    @DisplayName("D6: a session recorded in the Tasklist has the same effect as POST /sessions")
    @LegalRule(value = "D6", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_Mediate", "org.fengqiao.dispute.DisputeRecords#addSession"})
    void sessionThroughEitherDoor() {
        String viaRest = f.inMediation(DisputeFixtures.neighbourDispute());
        String viaTasklist = f.inMediation(DisputeFixtures.neighbourDispute());

        assertThat(f.session("mediator1", viaRest, true).status()).isEqualTo(200);
        Task task = task(viaTasklist, "UserTask_Mediate");
        assertThat(task.getAssignee()).isEqualTo("mediator1");
        assertThat(completeAs("mediator1", MEDIATOR1_GROUPS, task, sessionForm(true))).isNull();

        for (String id : List.of(viaRest, viaTasklist)) {
            Api.Response c = f.get("mediator1", id);
            assertThat(c.text("status")).isEqualTo("IN_MEDIATION");
            JsonNode entry = f.lastEntry("mediator1", id, "sessions");
            assertThat(entry.path("actor").asText()).isEqualTo("mediator1");
            assertThat(entry.path("fromStatus").asText()).isEqualTo("IN_MEDIATION");
            assertThat(entry.path("toStatus").asText()).isEqualTo("IN_MEDIATION");
            assertThat(entry.path("details").path("rightsNoticeDelivered").asBoolean()).isTrue();
            assertThat(entry.path("details").path("place").asText()).isEqualTo("安东卫街道调解室");
            assertThat(f.allowed("mediator1", id)).containsExactlyInAnyOrder("recusal", "sessions", "extension",
                    "escalation", "agreement", "termination", "risk-report");
            JsonNode dossier = api.get("mediator1", "/api/disputes/" + id + "/documents").body();
            assertThat(dossier.path("missingForArchive")).extracting(JsonNode::asText).doesNotContain("MEDIATION_RECORD");
        }
        List<String> restKeys = new ArrayList<>();
        f.lastEntry("mediator1", viaRest, "sessions").path("details").fieldNames().forEachRemaining(restKeys::add);
        List<String> tasklistKeys = new ArrayList<>();
        f.lastEntry("mediator1", viaTasklist, "sessions").path("details").fieldNames().forEachRemaining(tasklistKeys::add);
        assertThat(tasklistKeys).containsExactlyInAnyOrderElementsOf(restKeys);
        // the mediation task is open again, and the form values did not stay behind as process variables
        Task next = task(viaTasklist, "UserTask_Mediate");
        assertThat(next.getId()).isNotEqualTo(task.getId());
        assertThat(runtimeService.getVariables(next.getProcessInstanceId())).doesNotContainKeys("heldAt", "minutes", "action");
    }

    @Test
    @DisplayName("triage in the Tasklist with string form values routes like the REST action")
    void triageThroughTheTasklist() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        Map<String, Object> form = new HashMap<>();
        form.put("decision", "ACCEPT");
        form.put("mediationType", "PEOPLES");
        form.put("level", "TOWN");
        form.put("orgId", DisputeFixtures.ADW_COMMITTEE);
        form.put("assignmentMode", "DESIGNATE");
        form.put("complexity", "SIMPLE");
        form.put("riskLevel", "LOW");
        form.put("dueInDays", "20");
        assertThat(completeAs("triage", List.of("triage", "rz-triage"), task(id, "UserTask_Triage"), form)).isNull();
        Api.Response c = f.get("orgadmin", id);
        assertThat(c.text("status")).isEqualTo("CONSENT_PENDING");
        assertThat(c.body().path("timeLimitDays").asInt()).isEqualTo(20);
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("consent", "withdrawal", "risk-report");
        JsonNode entry = f.lastEntry("orgadmin", id, "triage");
        assertThat(entry.path("actor").asText()).isEqualTo("triage");
        assertThat(entry.path("toStatus").asText()).isEqualTo("CONSENT_PENDING");
        task(id, "UserTask_SeekConsent");
    }

    @Test
    @DisplayName("D5: the Tasklist refuses a first session without the rights notice exactly like the REST action (422, nothing stored)")
    @LegalRule(value = "D5", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_Mediate", "org.fengqiao.dispute.DisputeManagement#session"})
    void sameRefusalThroughTheTasklist() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        int historyBefore = f.history("mediator1", id).size();
        Task task = task(id, "UserTask_Mediate");

        Throwable thrown = completeAs("mediator1", MEDIATOR1_GROUPS, task, sessionForm("false"));
        ValidationException refusal = domainCause(thrown, ValidationException.class);
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.errors()).extracting(ValidationException.FieldError::field).contains("rightsNoticeDelivered");

        Api.Response rest = f.session("mediator1", id, false);
        assertThat(rest.status()).isEqualTo(422);
        assertThat(rest.body().path("errors")).extracting(e -> e.path("field").asText()).contains("rightsNoticeDelivered");

        // the task remains, nothing was stored
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(f.history("mediator1", id)).hasSize(historyBefore);
        assertThat(runtimeService.getVariables(task.getProcessInstanceId())).doesNotContainKeys("heldAt", "minutes", "action");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");

        // a malformed form value is a 422 on its field, not a crash
        Map<String, Object> badDate = sessionForm(true);
        badDate.put("heldAt", "昨天下午");
        ValidationException bad = domainCause(completeAs("mediator1", MEDIATOR1_GROUPS, task, badDate), ValidationException.class);
        assertThat(bad.errors()).extracting(ValidationException.FieldError::field).contains("heldAt");
        // a multi-action task needs the action
        Map<String, Object> noAction = sessionForm(true);
        noAction.remove("action");
        ValidationException missing = domainCause(completeAs("mediator1", MEDIATOR1_GROUPS, task, noAction),
                ValidationException.class);
        assertThat(missing.errors()).extracting(ValidationException.FieldError::field).contains("action");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a Tasklist user who is neither candidate nor assignee cannot complete the step (engine authorization, task remains)")
    void tasklistUserWithoutRole() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Task task = task(id, "UserTask_Mediate");
        // With Camunda authorization on, the engine refuses before the domain's own role check
        // (DisputeAccess, which still guards every completion) is reached.
        assertThat(completeAs("visitor", List.of("visitor", "rz-visitor"), task, sessionForm(true)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        // another committee's mediator neither
        assertThat(completeAs("mediator2", List.of("mediator", "rz-ls-bk-tw-mediator"), task, sessionForm(true)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(f.history("mediator1", id)).noneMatch(h -> h.path("action").asText().equals("sessions"));
    }

    @org.springframework.beans.factory.annotation.Autowired org.fengqiao.shared.process.StepForms stepForms;

    @Test
    @DisplayName("every camunda:formRef of every user task resolves to a deployed Camunda form")
    void everyFormRefResolves() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dispute-mediation")
                .latestVersion().singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Set<String> formRefs = new TreeSet<>();
        for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
            String formRef = org.fengqiao.shared.process.StepForms.formIdOf(userTask.getCamundaFormRef(), userTask.getCamundaFormKey());
            assertThat(formRef).as("formRef of " + userTask.getId()).isNotBlank();
            formRefs.add(formRef);
        }
        assertThat(formRefs).hasSizeGreaterThanOrEqualTo(10);
        // the Camunda forms deployed to the engine, by their form id (what formRef binds to)
        Set<String> deployedFormIds = new TreeSet<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
            for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), resource)) {
                        JsonNode form = mapper.readTree(in);
                        assertThat(form.path("components").isArray()).as(resource).isTrue();
                        deployedFormIds.add(form.path("id").asText());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(resource, e);
                    }
                }
            }
        }
        assertThat(deployedFormIds).as("deployed Camunda forms").containsAll(formRefs);

        // a live task serves the product's embedded form, which renders the step's Camunda Form (StepForms: same fields)
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Task task = task(id, "UserTask_Mediate");
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            String content = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(content).contains("cam-script").contains("/api/tasklist/tasks/");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(stepForms.fieldsOf("dispute-mediation-form")).contains("rightsNoticeDelivered", "heldAt");
    }

    private static Map<String, Object> registrationForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "外卖骑手追讨工资");
        form.put("category", "LABOR");
        form.put("channel", "PARTY_APPLICATION");
        form.put("centreId", "rz");
        form.put("amountInvolved", "18600");
        form.put("applicantName", "刘某");
        form.put("applicantType", "NATURAL");
        form.put("applicantPhone", "13800001111");
        form.put("respondentName", "某配送服务公司");
        form.put("respondentType", "LEGAL");
        return form;
    }

    @Test
    @DisplayName("启动流程 in the Tasklist registers the dispute through the domain like POST /api/disputes; business key = 案号")
    void registrationThroughTheStartForm() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dispute-mediation")
                .latestVersion().singleResult().getId();
        assertThat(formService.getStartFormKey(definition)).isEqualTo("embedded:deployment:dispute/forms/dispute-registration-form.html");
        identityService.setAuthentication("clerk", List.of("clerk", "rz-clerk"));
        ProcessInstance started;
        try {
            // whatever business key the starter sends, the case's 案号 becomes the key
            started = formService.submitStartForm(definition, "forged-key", registrationForm());
        } finally {
            identityService.clearAuthentication();
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
        JsonNode list = api.get("clerk", "/api/disputes?status=TRIAGE&size=200").body();
        JsonNode registered = null;
        for (JsonNode c : list.path("items")) {
            if (started.getId().equals(c.path("processInstanceId").asText())) {
                registered = c;
            }
        }
        assertThat(registered).as("the case of the started instance").isNotNull();
        assertThat(instance.getBusinessKey()).isEqualTo(registered.path("caseNo").asText());
        String id = registered.path("id").asText();
        Api.Response c = f.get("clerk", id);
        assertThat(c.text("status")).isEqualTo("TRIAGE");
        assertThat(c.body().path("parties")).hasSize(2);
        assertThat(c.body().path("parties").get(1).path("type").asText()).isEqualTo("LEGAL");
        assertThat(c.body().path("triageSuggestion").isObject()).isTrue();
        JsonNode first = api.get("clerk", "/api/disputes/" + id + "/history").body().get(0);
        assertThat(first.path("action").asText()).isEqualTo("register");
        assertThat(first.path("actor").asText()).isEqualTo("clerk");
        // the form fields did not stay behind; the card's variables are on the triage task
        assertThat(runtimeService.getVariables(started.getId())).doesNotContainKeys("title", "applicantName");
        Task triage = task(id, "UserTask_Triage");
        assertThat(taskService.getVariablesLocal(triage.getId())).containsEntry("案号", registered.path("caseNo").asText())
                .containsEntry("当事人", "申请人 刘某；被申请人 某配送服务公司");

        // the same validation as POST /api/disputes: no title, no respondent → 422 on the start form's fields
        Map<String, Object> bad = registrationForm();
        bad.remove("title");
        bad.remove("respondentName");
        identityService.setAuthentication("clerk", List.of("clerk", "rz-clerk"));
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> formService.submitStartForm(definition, bad));
        } finally {
            identityService.clearAuthentication();
        }
        ValidationException refused = domainCause(thrown, ValidationException.class);
        assertThat(refused.errors()).extracting(ValidationException.FieldError::field).contains("title", "respondentName");

        // a visitor may not register: the engine refuses the start (no CREATE_INSTANCE), before the domain would
        identityService.setAuthentication("visitor", List.of("visitor", "rz-visitor"));
        try {
            thrown = catchThrowable(() -> formService.submitStartForm(definition, registrationForm()));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(thrown).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    @Test
    @DisplayName("/api/tasklist/tasks/{id}: the step's form, the case and pickers scoped to the caller; 404 for a task not theirs")
    void tasklistStepForTheEmbeddedForm() {
        String id = f.register(DisputeFixtures.labourDispute()).text("id");
        Task triage = task(id, "UserTask_Triage");
        Api.Response step = api.get("triage", "/api/tasklist/tasks/" + triage.getId());
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.text("formId")).isEqualTo("dispute-triage-form");
        assertThat(step.text("caseApi")).isEqualTo("/api/disputes/" + id);
        assertThat(step.body().path("form").path("id").asText()).isEqualTo("dispute-triage-form");
        List<String> orgs = new ArrayList<>();
        step.body().path("options").path("orgId").forEach(o -> orgs.add(o.path("value").asText()));
        assertThat(orgs).contains("rz-ls-adw-tw", "rz-ls-ldzy");
        assertThat(step.body().path("defaults").path("orgId").asText()).isEqualTo(f.get("triage", id).body()
                .path("triageSuggestion").path("orgId").asText());
        // a mediator is no candidate of the triage task: it does not exist for them
        assertThat(api.get("mediator1", "/api/tasklist/tasks/" + triage.getId()).status()).isEqualTo(404);
        assertThat(api.get("triage", "/api/tasklist/tasks/no-such-task").status()).isEqualTo(404);
    }
}
