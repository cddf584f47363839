package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.PortApi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An appeal (诉求) worked in the Tasklist alone, through the engine's own door ({@code /engine-rest},
 * the calls the Tasklist makes) as the real roles with their passwords: 诉求登记 from the start form
 * with the same effect and the same refusals as {@code POST /api/appeals}, every step completed with
 * {@code submit-form}, forged variables and users without the right refused, nothing stored then.
 * Shares the context of the webapp tests (same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class AppealTasklistDoorTest {

    private static final String ZJJ = AppealFixtures.ZJJ;   // 住房和城乡建设局 (dept3)

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    private PortApi http;

    @org.junit.jupiter.api.BeforeEach
    void http() {
        http = new PortApi(rest, mapper);
    }

    /** Form values as the embedded form submits them: every field a String (the widgets' values). */
    private static Map<String, Object> variables(Object... keyValues) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], Map.of("value", keyValues[i + 1], "type", "String"));
        }
        return v;
    }

    private static Map<String, Object> reportForm(String description) {
        return variables("type", "MINSHENG", "urgency", "NORMAL", "channel", "GRID_APP", "gridId", "东关村第三网格",
                "description", description);
    }

    private ResponseEntity<String> startForm(String user, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("variables", variables);
        body.put("businessKey", "forged-key");
        return http.call(user, HttpMethod.POST, "/engine-rest/process-definition/key/grid-appeal/submit-form", body);
    }

    private long appealsReportedBy(String user) throws Exception {
        JsonNode page = http.ok("admin", HttpMethod.GET, "/api/appeals?size=200", null);
        long n = 0;
        for (JsonNode a : page.path("items")) {
            if (user.equals(a.path("createdBy").asText())) {
                n++;
            }
        }
        return n;
    }

    private JsonNode appealOfInstance(String user, String pid) throws Exception {
        for (JsonNode a : http.ok(user, HttpMethod.GET, "/api/appeals?size=200", null).path("items")) {
            if (pid.equals(a.path("processInstanceId").asText())) {
                return a;
            }
        }
        throw new AssertionError("no appeal for process instance " + pid);
    }

    private Task task(String pid, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    private ResponseEntity<String> submit(String user, Task task, Map<String, Object> variables) {
        return http.call(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
    }

    private void submitted(String user, Task task, Map<String, Object> variables) {
        ResponseEntity<String> r = submit(user, task, variables);
        assertThat(r.getStatusCode().value()).as(task.getTaskDefinitionKey() + " as " + user + " → " + r.getBody()).isEqualTo(204);
    }

    private static boolean chinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private int historySize(String id) throws Exception {
        return http.ok("admin", HttpMethod.GET, "/api/appeals/" + id + "/history", null).size();
    }

    @Test
    @DisplayName("诉求登记 in 启动流程 reports the appeal like POST /api/appeals; business key = 诉求编号; refusals in Chinese, nothing stored")
    void reportThroughTheStartForm() throws Exception {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("grid-appeal")
                .latestVersion().singleResult().getId();
        assertThat(formService.getStartFormKey(definition)).isEqualTo("embedded:deployment:appeal/forms/appeal-report-form.html");

        // what the embedded form renders: the form, Chinese choices, the centre the report goes to
        JsonNode step = http.ok("grid1", HttpMethod.GET, "/api/tasklist/start-forms/grid-appeal", null);
        assertThat(step.path("formId").asText()).isEqualTo("appeal-report-form");
        assertThat(step.path("defaults").path("centreName").asText()).isEqualTo("安东卫街道矛盾纠纷调处化解中心");
        assertThat(step.path("defaults").path("channel").asText()).isEqualTo("GRID_APP");
        List<String> typeLabels = new ArrayList<>();
        for (JsonNode c : step.path("form").path("components")) {
            if ("type".equals(c.path("key").asText())) {
                c.path("values").forEach(v -> typeLabels.add(v.path("label").asText()));
            }
        }
        assertThat(typeLabels).contains("民生诉求", "执法诉求", "发展诉求").allMatch(AppealTasklistDoorTest::chinese);

        // the same report through POST, to compare the effect
        String description = "东关村主干道路灯不亮 " + System.nanoTime();
        JsonNode viaPost = http.ok("grid1", HttpMethod.POST, "/api/appeals", Map.of("type", "MINSHENG", "urgency", "NORMAL",
                "channel", "GRID_APP", "gridId", "东关村第三网格", "description", description + "（接口）"));

        ResponseEntity<String> started = startForm("grid1", reportForm(description));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String pid = http.json(started).path("id").asText();
        JsonNode appeal = appealOfInstance("grid1", pid);
        String id = appeal.path("id").asText();
        assertThat(appeal.path("status").asText()).isEqualTo("REPORTED");
        assertThat(appeal.path("description").asText()).isEqualTo(description);
        assertThat(appeal.path("centreId").asText()).isEqualTo(viaPost.path("centreId").asText()).isEqualTo("rz-ls-adw");
        assertThat(appeal.path("createdBy").asText()).isEqualTo("grid1");
        // whatever business key the starter sent, the 诉求编号 is the key (the REST id stays the id)
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
                .isEqualTo(appeal.path("ticketNo").asText());
        JsonNode history = http.ok("grid1", HttpMethod.GET, "/api/appeals/" + id + "/history", null);
        JsonNode postHistory = http.ok("grid1", HttpMethod.GET, "/api/appeals/" + viaPost.path("id").asText() + "/history", null);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("action").asText()).isEqualTo("report");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("grid1");
        TreeSet<String> keys = new TreeSet<>(), postKeys = new TreeSet<>();
        history.get(0).path("details").fieldNames().forEachRemaining(keys::add);
        postHistory.get(0).path("details").fieldNames().forEachRemaining(postKeys::add);
        assertThat(keys).isEqualTo(postKeys);
        // the form's fields did not stay behind; the card is on the triage task, for whoever may work it
        assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("description", "gridId", "type", "centreName");
        Task triage = task(pid, "UserTask_Triage");
        Map<String, Object> card = taskService.getVariablesLocal(triage.getId());
        assertThat(card).containsEntry("案号", appeal.path("ticketNo").asText())
                .containsEntry("状态", "已上报")
                .containsEntry("当事人", "上报人 杜晓燕；网格 东关村第三网格");
        assertThat((String) card.get("案由")).startsWith("民生诉求：东关村主干道路灯不亮");
        JsonNode triageCard = http.ok("triage", HttpMethod.GET, "/engine-rest/task/" + triage.getId() + "/variables", null);
        assertThat(triageCard.path("案号").path("value").asText()).isEqualTo(appeal.path("ticketNo").asText());

        // the same validation as POST: no content, no grid → 422 on the start form's fields, in Chinese; nothing stored
        long before = appealsReportedBy("grid1");
        Map<String, Object> bad = reportForm("");
        bad.remove("gridId");
        ResponseEntity<String> refused = startForm("grid1", bad);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        JsonNode problem = http.json(refused);
        assertThat(errorFields(problem)).contains("description", "gridId");
        problem.path("errors").forEach(e -> assertThat(chinese(e.path("message").asText())).as(e.toString()).isTrue());
        assertThat(problem.path("message").asText()).doesNotContain("ENGINE-");
        // the appellant's contact (optional fields of the form): a bad phone is refused on the REST field, which the
        // embedded form shows next to its own field (reporter.phone → reporterPhone)
        Map<String, Object> badPhone = reportForm("电话不对 " + System.nanoTime());
        badPhone.putAll(variables("reporterName", "王某", "reporterPhone", "12345"));
        ResponseEntity<String> phoneRefused = startForm("grid1", badPhone);
        assertThat(phoneRefused.getStatusCode().value()).as(phoneRefused.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(phoneRefused))).containsExactly("reporter.phone");
        http.json(phoneRefused).path("errors").forEach(e -> assertThat(chinese(e.path("message").asText())).isTrue());
        // an unknown choice is a field error too, not a crash
        ResponseEntity<String> unknown = startForm("grid1", variables("type", "HACK", "urgency", "NORMAL", "channel",
                "GRID_APP", "gridId", "东关村第三网格", "description", "内容"));
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(unknown))).contains("type");

        // a forged variable the form does not have is refused by name (no appeal, no instance)
        Map<String, Object> forged = reportForm("伪造变量 " + System.nanoTime());
        forged.putAll(variables("appealId", id, "centreGroups", "admin"));
        ResponseEntity<String> forgedStart = startForm("grid1", forged);
        assertThat(forgedStart.getStatusCode().value()).as(forgedStart.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(forgedStart))).containsExactlyInAnyOrder("appealId", "centreGroups");
        assertThat(appealsReportedBy("grid1")).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("grid-appeal")
                .variableValueEquals("appealId", id).count()).isEqualTo(1);

        // a role that reports no appeals may not start the process (the engine refuses: no CREATE_INSTANCE)
        ResponseEntity<String> visitor = startForm("visitor", reportForm("回访员登记 " + System.nanoTime()));
        assertThat(visitor.getStatusCode().value()).as(visitor.getBody()).isEqualTo(403);
        assertThat(appealsReportedBy("visitor")).isZero();
        assertThat(appealsReportedBy("grid1")).isEqualTo(before);
    }

    @Test
    @DisplayName("every appeal step completed with submit-form as its role: pickers instead of codes, forged variables and other roles refused")
    void wholeAppealInTheTasklist() throws Exception {
        Map<String, Object> report = reportForm("小区楼道堆放杂物存在消防隐患 " + System.nanoTime());
        report.putAll(variables("reporterName", "李桂芳", "reporterPhone", "13800004188"));
        ResponseEntity<String> started = startForm("grid1", report);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String pid = http.json(started).path("id").asText();
        String id = appealOfInstance("grid1", pid).path("id").asText();

        // 研判分流: departments to pick from (names, with the level each implies), not codes to type
        Task triage = task(pid, "UserTask_Triage");
        JsonNode step = http.ok("triage", HttpMethod.GET, "/api/tasklist/tasks/" + triage.getId(), null);
        assertThat(step.path("formId").asText()).isEqualTo("appeal-triage-form");
        assertThat(step.path("caseApi").asText()).isEqualTo("/api/appeals/" + id);
        assertThat(step.path("defaults").path("action").asText()).isEqualTo("triage");
        Map<String, String> departments = new HashMap<>();
        step.path("options").path("leadDepartmentId").forEach(o -> departments.put(o.path("value").asText(), o.path("label").asText()));
        assertThat(departments).containsEntry(ZJJ, "岚山区住房和城乡建设局（县（区））").containsKeys("rz-ls-zhzf", "rz-ls-scjg");
        assertThat(departments).doesNotContainKeys("rz-ls-adw-tw", "rz-ls-court");
        assertThat(step.path("options").path("assistingDepartmentIds")).hasSize(departments.size());
        // the department is no candidate of the triage task: it does not exist for them
        assertThat(http.call("dept3", HttpMethod.GET, "/api/tasklist/tasks/" + triage.getId(), null).getStatusCode().value()).isEqualTo(404);
        assertThat(submit("dept3", triage, variables("action", "triage", "leadDepartmentId", ZJJ)).getStatusCode().value())
                .isEqualTo(403);
        // a forged variable (another appeal's id, the process's own groups) is refused by name
        int historyBefore = historySize(id);
        ResponseEntity<String> forged = submit("triage", triage, variables("action", "triage", "leadDepartmentId", ZJJ,
                "appealId", "another-appeal", "departmentGroups", "dept2"));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(forged))).containsExactlyInAnyOrder("appealId", "departmentGroups");
        // the domain's refusal comes back in Chinese next to its field
        ResponseEntity<String> noLead = submit("triage", triage, variables("action", "triage"));
        assertThat(noLead.getStatusCode().value()).as(noLead.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(noLead))).contains("leadDepartmentId");
        assertThat(historySize(id)).isEqualTo(historyBefore);
        submitted("triage", triage, variables("action", "triage", "leadDepartmentId", ZJJ, "assistingDepartmentIds", "rz-ls-scjg",
                "level", "COUNTY", "notes", "请住建局牵头处理"));
        JsonNode triaged = http.ok("triage", HttpMethod.GET, "/api/appeals/" + id, null);
        assertThat(triaged.path("status").asText()).isEqualTo("TRIAGE");
        assertThat(triaged.path("leadDepartmentId").asText()).isEqualTo(ZJJ);
        assertThat(triaged.path("assistingDepartmentIds")).extracting(JsonNode::asText).containsExactly("rz-ls-scjg");

        // 派单交办 (centre); the card now carries the status and the deadline, in Chinese to the minute
        Task dispatch = task(pid, "UserTask_Dispatch");
        assertThat((String) taskService.getVariableLocal(dispatch.getId(), "状态")).isEqualTo("已研判待派单");
        assertThat((String) taskService.getVariableLocal(dispatch.getId(), "期限")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        submitted("triage", dispatch, variables("notes", "请按期办结"));

        // 部门签收办理: 签收, then 办结反馈 (the lead department only)
        Task handle = task(pid, "UserTask_Handle");
        JsonNode handleStep = http.ok("dept3", HttpMethod.GET, "/api/tasklist/tasks/" + handle.getId(), null);
        assertThat(handleStep.path("defaults").path("action").asText()).isEqualTo("sign");
        assertThat(submit("dept2", handle, variables("action", "sign")).getStatusCode().value()).isEqualTo(403);
        submitted("dept3", handle, variables("action", "sign"));
        handle = task(pid, "UserTask_Handle");
        ResponseEntity<String> noResult = submit("dept3", handle, variables("action", "feedback"));
        assertThat(noResult.getStatusCode().value()).as(noResult.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(noResult))).contains("result");
        ResponseEntity<String> forgedFeedback = submit("dept3", handle, variables("action", "feedback", "result", "已清理",
                "appealStatus", "已结案"));
        assertThat(forgedFeedback.getStatusCode().value()).isEqualTo(422);
        assertThat(errorFields(http.json(forgedFeedback))).containsExactly("appealStatus");
        submitted("dept3", handle, variables("action", "feedback", "result", "已清理楼道杂物并张贴消防提示。"));

        // 中心审核 (centre), 回访诉求人 (visitor)
        Task review = task(pid, "UserTask_Review");
        assertThat(submit("dept3", review, variables("decision", "APPROVE")).getStatusCode().value()).isEqualTo(403);
        submitted("triage", review, variables("decision", "APPROVE"));
        Task visit = task(pid, "UserTask_ReturnVisit");
        JsonNode visitStep = http.ok("visitor", HttpMethod.GET, "/api/tasklist/tasks/" + visit.getId(), null);
        assertThat(visitStep.path("formId").asText()).isEqualTo("appeal-return-visit-form");
        // whom to call back: the contact given in 诉求登记, in the appeal the form's context panel reads (caseApi)
        JsonNode visitContext = http.ok("visitor", HttpMethod.GET, visitStep.path("caseApi").asText(), null);
        assertThat(visitContext.path("reporter").path("name").asText()).isEqualTo("李桂芳");
        assertThat(visitContext.path("reporter").path("phone").asText()).isEqualTo("13800004188");
        // the start form's contact fields did not stay behind as process variables (no card, no engine reader gets them)
        assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("reporterName", "reporterPhone");
        assertThat(taskService.getVariables(visit.getId()).values().toString()).doesNotContain("13800004188");
        assertThat(submit("triage", visit, variables("satisfaction", "SATISFIED")).getStatusCode().value()).isEqualTo(403);
        submitted("visitor", visit, variables("satisfaction", "SATISFIED", "notes", "群众表示满意"));

        JsonNode closed = http.ok("grid1", HttpMethod.GET, "/api/appeals/" + id, null);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        List<String> actions = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        http.ok("grid1", HttpMethod.GET, "/api/appeals/" + id + "/history", null).forEach(h -> {
            actions.add(h.path("action").asText());
            actors.add(h.path("actor").asText());
        });
        assertThat(actions).containsExactly("report", "triage", "dispatch", "sign", "feedback", "review", "return-visit");
        assertThat(actors).containsExactly("grid1", "triage", "triage", "dept3", "dept3", "triage", "visitor");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    }

    @Test
    @DisplayName("an appeal reported through POST has its 诉求编号 as business key; its tasks serve the embedded form")
    void postedAppealKeyAndEmbeddedForm() throws Exception {
        JsonNode posted = http.ok("grid1", HttpMethod.POST, "/api/appeals", Map.of("type", "ZHIFA", "urgency", "URGENT",
                "channel", "GRID_APP", "gridId", "东关村第三网格", "description", "占道经营 " + System.nanoTime()));
        String pid = posted.path("processInstanceId").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
                .isEqualTo(posted.path("ticketNo").asText());
        Task triage = task(pid, "UserTask_Triage");
        try (var form = formService.getDeployedTaskForm(triage.getId())) {
            String content = new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(content).contains("cam-script").contains("/api/tasklist/tasks/");
        }
        // an enforcement appeal needs assisting departments: the same rule through the Tasklist as through POST /triage
        ResponseEntity<String> refused = submit("triage", triage, variables("action", "triage", "leadDepartmentId", "rz-ls-zhzf"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(errorFields(http.json(refused))).contains("assistingDepartmentIds");
        // the REST door still works the same task
        assertThat(http.ok("triage", HttpMethod.POST, "/api/appeals/" + posted.path("id").asText() + "/triage",
                Map.of("leadDepartmentId", "rz-ls-zhzf", "assistingDepartmentIds", List.of("rz-ls-scjg"))).path("status").asText())
                .isEqualTo("TRIAGE");
    }
}
