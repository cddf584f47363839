package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.PortApi;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
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
 * The custody lifecycle in the Tasklist, driven as the browser's Tasklist drives it: through
 * {@code /engine-rest} ({@code submit-form} of the property-intake start form and of every task) as
 * the real users with Basic auth. The start form registers like {@code POST
 * /api/property-cases/{id}/items}; every step has the effect of its REST action; undeclared
 * variables and roles without the right are refused; the cards show the item. Shares the context
 * of the webapp tests (same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class CustodyTasklistDoorTest {

    private static final String PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired PropertyItems items;

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    // --- HTTP helpers ---------------------------------------------------------------------------

    private JsonNode get(String user, String path) throws Exception {
        return http.ok(user, HttpMethod.GET, path, null);
    }

    /** Form values as the Tasklist submits them: {@code {name: {value}}}. */
    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>();
        values.forEach((k, value) -> v.put(k, Map.of("value", value)));
        return Map.of("variables", v);
    }

    private ResponseEntity<String> startForm(String user, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>(variables(values));
        body.put("businessKey", "forged-key");
        return http.call(user, HttpMethod.POST, "/engine-rest/process-definition/key/property-intake/submit-form", body);
    }

    private ResponseEntity<String> submit(String user, Task task, Map<String, Object> values) {
        return http.call(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form", variables(values));
    }

    private void submitted(String user, Task task, Map<String, Object> values) {
        ResponseEntity<String> r = submit(user, task, values);
        assertThat(r.getStatusCode().value()).as(task.getName() + " as " + user + " → " + r.getBody()).isEqualTo(204);
    }

    /** The 财物编号 of an item: the business key of its instances. */
    private String itemNo(String itemId) {
        return items.itemNoOf(itemId).orElseThrow();
    }

    /** The item a start form's instance was started for: its business key is the item's 财物编号, never the starter's. */
    private String itemOf(ResponseEntity<String> started) throws Exception {
        String businessKey = http.json(started).path("businessKey").asText();
        assertThat(businessKey).as("business key = the item's 财物编号").matches("[A-Z]+-\\d{4}-\\d{6}-\\d{3}");
        return items.idOfItemNo(businessKey).orElseThrow();
    }

    private Task task(String itemId, String key) {
        // an item's instances carry its 财物编号; an inventory's its id
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(items.itemNoOf(itemId).orElse(itemId))
                .taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key + " of " + itemId).isNotNull();
        return task;
    }

    @Autowired org.camunda.bpm.engine.FilterService filterService;
    private PortApi http;

    @org.junit.jupiter.api.BeforeEach
    void http() {
        http = new PortApi(rest, mapper);
    }

    /** The ids of the tasks the Tasklist's 本组待办 filter lists for the user. */
    private List<String> groupTasks(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            var filter = filterService.createFilterQuery().filterName("本组待办").singleResult();
            return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The loan's approval in the Tasklist (refused to the requester, given by the department head) and the
     * return to the custodian, whose card shows the item on loan: the item is back in storage.
     */
    private void loanApprovedAndReturned(String itemId) throws Exception {
        Task approval = task(itemId, "UserTask_ApproveLoan");
        assertThat(submit("officer1", approval, Map.of("approved", "true")).getStatusCode().value())
                .as("the requester is no approver").isEqualTo(403);
        submitted("depthead", approval, Map.of("approved", "true", "reason", "同意调用"));
        assertThat(status(itemId)).isEqualTo("ON_LOAN");
        Task back = task(itemId, "UserTask_InspectReturn");
        assertThat(taskService.getVariablesLocal(back.getId())).containsEntry("状态", "调用中");
        submitted("custodian", back, Map.of("condition", "INTACT", "notes", "完好归还"));
        assertThat(status(itemId)).isEqualTo("IN_STORAGE");
    }

    private String status(String itemId) throws Exception {
        return get("admin", "/api/property-items/" + itemId).path("status").asText();
    }

    private String openCase(String user, String agencyId, List<String> officers) throws Exception {
        return http.ok(user, HttpMethod.POST, "/api/property-cases", Map.of("agencyCaseNo", "日东公刑字〔2026〕" + UUID.randomUUID()
                .toString().substring(0, 6) + "号", "caseName", "王某某盗窃案", "caseType", "CRIMINAL",
                "handlingAgencyId", agencyId, "officerIds", officers)).path("id").asText();
    }

    private int itemsOf(String caseId) throws Exception {
        return get("admin", "/api/property-items?caseId=" + caseId + "&size=200").path("items").size();
    }

    /** How many instances of the process carry the business key. */
    private long instances(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count();
    }

    /** The start form's fields for a valuable (C19: sealed by two officers, photographed; C21: its source). */
    private static Map<String, Object> valuable(String caseId) {
        Map<String, Object> form = new HashMap<>();
        form.put("caseId", caseId);
        form.put("name", "黄金项链");
        form.put("category", "VALUABLE");
        form.put("measure", "SEIZE");
        form.put("quantity", "1");
        form.put("unit", "条");
        form.put("valuation", "12000");
        form.put("evidenceUse", true);
        form.put("source", "犯罪嫌疑人王某某住处卧室抽屉");
        form.put("description", "足金，约 20 克");
        // the embedded form's date-time: local, to the minute
        form.put("seizedAt", TestClock.now().atOffset(ZoneOffset.ofHours(8)).minusHours(2).withSecond(0).withNano(0)
                .toLocalDateTime().toString());
        form.put("ownerName", "赵某");
        form.put("ownerIdNumber", "371102198502021234");
        form.put("sealedBy", "officer1,officer2");
        form.put("photoHashes", PHOTO);
        return form;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> values(JsonNode options) {
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.path("value").asText()));
        return values;
    }

    // --- the registration start form ------------------------------------------------------------

    @Test
    @DisplayName("启动流程 财物登记: the start form registers like POST …/items (same item, same ledger entry); business key = the item's 财物编号")
    void registrationThroughTheStartForm() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));

        JsonNode form = get("officer1", "/api/tasklist/start-forms/property-intake");
        assertThat(form.path("formId").asText()).isEqualTo("property-registration");
        assertThat(values(form.path("options").path("caseId"))).contains(caseId);
        assertThat(values(form.path("options").path("sealedBy"))).contains("officer1", "officer2");
        assertThat(form.path("options").path("caseId").toString()).contains("王某某盗窃案");
        // a custodian's start form offers no police case
        assertThat(values(get("custodian", "/api/tasklist/start-forms/property-intake").path("options").path("caseId")))
                .doesNotContain(caseId);

        ResponseEntity<String> started = startForm("officer1", valuable(caseId));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String itemId = itemOf(started);
        String pid = http.json(started).path("id").asText();

        JsonNode list = get("officer1", "/api/property-items?caseId=" + caseId);
        assertThat(list.path("items")).hasSize(1);
        JsonNode item = list.path("items").get(0);
        assertThat(item.path("id").asText()).as("the API keeps the item's id").isEqualTo(itemId);
        assertThat(http.json(started).path("businessKey").asText()).as("business key = the item's 财物编号, not the starter's")
                .isEqualTo(item.path("itemNo").asText());
        assertThat(item.path("status").asText()).isEqualTo("PENDING_HANDOVER");
        assertThat(item.path("sealedBy")).extracting(JsonNode::asText).containsExactly("officer1", "officer2");
        assertThat(item.path("photoHashes")).extracting(JsonNode::asText).containsExactly(PHOTO);
        assertThat(item.path("owner").path("name").asText()).isEqualTo("赵某");
        assertThat(item.path("source").asText()).isEqualTo("犯罪嫌疑人王某某住处卧室抽屉");

        // the same registration through POST: the same item and the same ledger entry
        Map<String, Object> body = new HashMap<>(valuable(caseId));
        body.remove("caseId");
        body.put("quantity", 1);
        body.put("valuation", 12000);
        body.put("seizedAt", body.get("seizedAt") + ":00+08:00");
        body.put("owner", Map.of("name", body.remove("ownerName"), "idNumber", body.remove("ownerIdNumber")));
        body.put("sealedBy", List.of("officer1", "officer2"));
        body.put("photoHashes", List.of(PHOTO));
        JsonNode viaPost = http.ok("officer1", HttpMethod.POST, "/api/property-cases/" + caseId + "/items", List.of(body)).get(0);
        for (String field : List.of("status", "category", "measure", "quantity", "valuation", "evidenceUse", "source",
                "seizedAt", "handoverDueAt", "held", "sealedBy", "owner", "name")) {
            assertThat(item.path(field)).as(field).isEqualTo(viaPost.path(field));
        }
        JsonNode ledger = get("officer1", "/api/property-items/" + itemId + "/ledger");
        JsonNode postLedger = get("officer1", "/api/property-items/" + viaPost.path("id").asText() + "/ledger");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).path("eventType").asText()).isEqualTo("REGISTER");
        assertThat(ledger.get(0).path("actor").asText()).isEqualTo("officer1");
        assertThat(ledger.get(0).path("toStatus").asText()).isEqualTo(postLedger.get(0).path("toStatus").asText());
        List<String> keys = new ArrayList<>();
        ledger.get(0).path("details").fieldNames().forEachRemaining(keys::add);
        List<String> postKeys = new ArrayList<>();
        postLedger.get(0).path("details").fieldNames().forEachRemaining(postKeys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(postKeys);

        // the hand-over is the case officers' task; its card shows the item; the form's fields did not stay behind
        Task handover = task(itemId, "UserTask_HandOverItem");
        assertThat(handover.getProcessInstanceId()).isEqualTo(pid);
        Map<String, Object> card = taskService.getVariablesLocal(handover.getId());
        assertThat(card).containsEntry("财物编号", item.path("itemNo").asText()).containsEntry("财物名称", "黄金项链")
                .containsEntry("案由", "王某某盗窃案").containsEntry("状态", "待移交");
        assertThat((String) card.get("案号")).startsWith("日东公刑字");
        assertThat((String) card.get("期限")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("name", "source", "sealedBy", "caseId")
                .containsEntry("itemId", itemId).containsEntry("held", true);
    }

    @Test
    @DisplayName("财物登记 of property left in place (查封 real estate): registered, not held — the intake ends without a hand-over")
    void notHeldThroughTheStartForm() throws Exception {
        String caseId = openCase("depthead", "rz-police", List.of("officer1", "officer2"));
        Map<String, Object> form = new HashMap<>();
        form.put("caseId", caseId);
        form.put("name", "东港区海曲路 8 号商铺");
        form.put("category", "REAL_ESTATE");
        form.put("measure", "SEAL_UP");
        form.put("quantity", "1");
        form.put("unit", "处");
        form.put("source", "犯罪嫌疑人王某某名下不动产");
        ResponseEntity<String> started = startForm("depthead", form);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String itemId = itemOf(started);
        assertThat(status(itemId)).isEqualTo("REGISTERED_NOT_HELD");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(itemNo(itemId)).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(http.json(started).path("id").asText()).count())
                .as("the intake ended").isZero();
    }

    @Test
    @DisplayName("财物登记 refused like POST: 422 with Chinese field errors (C19, C21), a forged variable, a foreign case, a role without the right — nothing stored")
    void registrationRefusals() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));

        // C19 and C21: a valuable without sealing and photos, and without its source
        Map<String, Object> bad = valuable(caseId);
        bad.remove("sealedBy");
        bad.remove("photoHashes");
        bad.remove("source");
        ResponseEntity<String> r = startForm("officer1", bad);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(422);
        JsonNode problem = http.json(r);
        assertThat(fields(problem)).contains("sealedBy", "photoHashes", "source");
        problem.path("errors").forEach(e -> assertThat(e.path("message").asText()).containsPattern("\\p{IsHan}"));
        assertThat(problem.path("message").asText()).doesNotContain("ENGINE-");

        // a sealer who is not an officer of the case
        Map<String, Object> foreignSealer = valuable(caseId);
        foreignSealer.put("sealedBy", "officer1,custodian");
        assertThat(fields(http.json(startForm("officer1", foreignSealer)))).contains("sealedBy");

        // a variable the registration form does not declare (here: an item's id) is refused, nothing registered
        Map<String, Object> forged = valuable(caseId);
        forged.put("itemId", "some-other-item");
        ResponseEntity<String> smuggled = startForm("officer1", forged);
        assertThat(smuggled.getStatusCode().value()).as(smuggled.getBody()).isEqualTo(422);
        assertThat(fields(http.json(smuggled))).containsExactly("itemId");

        // another agency's case is no choice of the officer's form
        String ccdiCase = openCase("ccdi", "rz-ccdi", List.of("ccdi", "ccdi2"));
        ResponseEntity<String> foreign = startForm("officer1", valuable(ccdiCase));
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(422);
        assertThat(fields(http.json(foreign))).containsExactly("caseId");

        // a custodian does not register property: the engine refuses the start (no CREATE_INSTANCE)
        ResponseEntity<String> custodian = startForm("custodian", valuable(caseId));
        assertThat(custodian.getStatusCode().value()).as(custodian.getBody()).isEqualTo(403);

        // the engine's plain start runs the same registration; starting past the start event (or without its
        // listeners) is refused, so no instance exists that registered nothing
        for (Map<String, Object> skipping : List.<Map<String, Object>>of(
                Map.of("businessKey", "forged-key", "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "UserTask_InspectHandover"))),
                Map.of("businessKey", "forged-key", "skipCustomListeners", true, "variables", Map.of()))) {
            ResponseEntity<String> skipped = http.call("officer1", HttpMethod.POST,
                    "/engine-rest/process-definition/key/property-intake/start", skipping);
            assertThat(skipped.getStatusCode().value()).as(skipped.getBody()).isEqualTo(403);
        }
        ResponseEntity<String> plain = http.call("officer1", HttpMethod.POST,
                "/engine-rest/process-definition/key/property-intake/start", variables(bad));
        assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(422);

        assertThat(itemsOf(caseId)).isZero();
        assertThat(itemsOf(ccdiCase)).isZero();
        assertThat(instances("property-intake", "forged-key")).isZero();
    }

    // --- the steps --------------------------------------------------------------------------------

    @Test
    @DisplayName("hand-over, inspection, loan and its return, disposal approval and execution via submit-form, as each role, with pickers")
    void lifecycleThroughTheTasklist() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        Map<String, Object> form = valuable(caseId);
        form.put("category", "GENERAL");
        form.put("name", "黑色双肩背包");
        String itemId = itemOf(startForm("officer1", form));

        // hand-over: the officers' step, in their 本组待办 (offered to them by name); the custody centre is picked, not typed
        Task handover = task(itemId, "UserTask_HandOverItem");
        for (String officer : List.of("officer1", "officer2")) {
            assertThat(groupTasks(officer)).as(officer + "'s 本组待办").contains(handover.getId());
        }
        assertThat(groupTasks("depthead")).doesNotContain(handover.getId());
        JsonNode step = get("officer1", "/api/tasklist/tasks/" + handover.getId());
        assertThat(step.path("formId").asText()).isEqualTo("property-handover");
        assertThat(step.path("caseApi").asText()).isEqualTo("/api/property-items/" + itemId);
        assertThat(step.path("caseNo").asText()).isEqualTo(get("officer1", "/api/property-items/" + itemId).path("itemNo").asText());
        assertThat(values(step.path("options").path("centreId"))).contains("rz-custody");
        assertThat(step.path("options").path("centreId").toString()).doesNotContain("rz-police\"");
        assertThat(http.call("custodian", HttpMethod.GET, "/api/tasklist/tasks/" + handover.getId(), null).getStatusCode().value())
                .as("not the custodian's task").isEqualTo(404);
        // a forged variable is refused, the task stays
        ResponseEntity<String> forged = submit("officer1", handover, Map.of("centreId", "rz-custody", "itemId", "other"));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(422);
        assertThat(http.json(forged).path("errors").get(0).path("field").asText()).isEqualTo("itemId");
        // a role without the right: the custodian is no candidate of the hand-over
        ResponseEntity<String> custodian = submit("custodian", handover, Map.of("centreId", "rz-custody"));
        assertThat(custodian.getStatusCode().value()).as(custodian.getBody()).isEqualTo(403);
        assertThat(status(itemId)).isEqualTo("PENDING_HANDOVER");
        submitted("officer2", handover, Map.of("centreId", "rz-custody"));
        assertThat(status(itemId)).isEqualTo("HANDOVER_INSPECTION");

        // inspection: the custodian picks the zone
        Task inspection = task(itemId, "UserTask_InspectHandover");
        // the Tasklist's and Cockpit's search by business key finds it by the item's 财物编号, within the caller's tasks
        String itemNo = itemNo(itemId);
        assertThat(get("custodian", "/engine-rest/task?processInstanceBusinessKey=" + itemNo))
                .extracting(t -> t.path("id").asText()).containsExactly(inspection.getId());
        assertThat(get("officer1", "/engine-rest/task?processInstanceBusinessKey=" + itemNo)).as("not the officer's step")
                .isEmpty();
        assertThat(taskService.getVariablesLocal(inspection.getId())).containsEntry("状态", "交接查验")
                .containsEntry("财物名称", "黑色双肩背包");
        JsonNode inspect = get("custodian", "/api/tasklist/tasks/" + inspection.getId());
        assertThat(values(inspect.path("options").path("zoneId"))).contains("zone-ordinary", "zone-valuables");
        // the domain's refusal reaches the form as a field error in Chinese
        ResponseEntity<String> noZone = submit("custodian", inspection, Map.of("result", "PASS", "location", "A-01-01"));
        assertThat(noZone.getStatusCode().value()).as(noZone.getBody()).isEqualTo(422);
        assertThat(fields(http.json(noZone))).contains("zoneId");
        submitted("custodian", inspection, Map.of("result", "PASS", "zoneId", "zone-ordinary", "location", "A-01-01",
                "condition", "完好"));
        assertThat(status(itemId)).isEqualTo("IN_STORAGE");

        // loan: requested through the API, approved by the department head in the Tasklist, returned to the custodian
        http.ok("officer1", HttpMethod.POST, "/api/property-items/" + itemId + "/loan-request", Map.of("reason", "辨认",
                "plannedReturnAt", TestClock.now().atOffset(ZoneOffset.ofHours(8)).plusDays(2).withNano(0).toString()));
        loanApprovedAndReturned(itemId);

        // disposal: requested through the API, approved and executed in the Tasklist
        http.ok("officer1", HttpMethod.POST, "/api/property-items/" + itemId + "/disposal-request",
                Map.of("disposalType", "RELEASE_UNRELATED", "legalBasisDocNo", "日东公（刑）解字〔2026〕1号"));
        JsonNode disposal = get("admin", "/api/property-items/" + itemId).path("disposal");
        String approver = disposal.path("approverRole").asText();
        Task approve = task(itemId, "UserTask_ApproveDisposal");
        assertThat(submit("officer2", approve, Map.of("approved", "true")).getStatusCode().value()).isEqualTo(403);
        submitted(approver, approve, Map.of("approved", "true", "reason", "与案件无关，予以解除"));
        assertThat(status(itemId)).isEqualTo("DISPOSAL_APPROVED");
        Task execute = task(itemId, "UserTask_ExecuteDisposal");
        JsonNode exec = get("custodian", "/api/tasklist/tasks/" + execute.getId());
        assertThat(values(exec.path("options").path("executedBy"))).contains("custodian", "custodian2");
        assertThat(exec.path("defaults").path("executedBy").asText()).isEqualTo("custodian");
        // the executors must include the one who executes
        ResponseEntity<String> notMe = submit("custodian", execute, Map.of("executedBy", "custodian2"));
        assertThat(notMe.getStatusCode().value()).as(notMe.getBody()).isEqualTo(422);
        assertThat(fields(http.json(notMe))).contains("executedBy");
        submitted("custodian", execute, Map.of("executedBy", "custodian,custodian2", "receiptNo", "回执-001",
                "recipientName", "赵某", "recipientIdNumber", "371102198502021234", "recipientRelation", "OWNER"));
        assertThat(status(itemId)).isEqualTo("DISPOSED");

        List<String> events = new ArrayList<>();
        get("officer1", "/api/property-items/" + itemId + "/ledger").forEach(e -> events.add(e.path("eventType").asText()));
        assertThat(events).containsSubsequence("REGISTER", "HANDOVER_IN", "STORE", "LOAN_REQUEST", "LOAN_OUT", "LOAN_RETURN",
                "DISPOSAL_REQUEST", "DISPOSAL_APPROVED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(itemNo(itemId)).count()).isZero();
    }

    @Test
    @DisplayName("C14 in the Tasklist: a procuratorate's disposal is approved by the 检察长, not by the agency's head of the police")
    void chiefProcuratorApprovesInTheTasklist() throws Exception {
        String caseId = openCase("prosecutor", "rz-procuratorate", List.of("prosecutor", "检察官乙"));
        Map<String, Object> form = valuable(caseId);
        form.put("category", "DOCUMENT");
        form.put("name", "账册三本");
        form.put("sealedBy", "");
        form.put("photoHashes", "");
        ResponseEntity<String> started = startForm("prosecutor", form);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String itemId = itemOf(started);
        submitted("prosecutor", task(itemId, "UserTask_HandOverItem"), Map.of("centreId", "rz-custody"));
        submitted("custodian", task(itemId, "UserTask_InspectHandover"), Map.of("result", "PASS", "zoneId", "zone-ordinary",
                "location", "A-02-02"));
        http.ok("prosecutor", HttpMethod.POST, "/api/property-items/" + itemId + "/disposal-request",
                Map.of("disposalType", "RELEASE_UNRELATED", "legalBasisDocNo", "日东检解字〔2026〕2号"));
        Task approve = task(itemId, "UserTask_ApproveDisposal");
        assertThat(taskService.getVariablesLocal(approve.getId())).containsEntry("状态", "处置申请中");
        assertThat(submit("agencyhead", approve, Map.of("approved", "true")).getStatusCode().value()).isEqualTo(403);
        assertThat(http.call("agencyhead", HttpMethod.GET, "/api/tasklist/tasks/" + approve.getId(), null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get("chiefprocurator", "/api/tasklist/tasks/" + approve.getId()).path("formId").asText())
                .isEqualTo("property-disposal-approval");
        submitted("chiefprocurator", approve, Map.of("approved", "true"));
        assertThat(status(itemId)).isEqualTo("DISPOSAL_APPROVED");
    }

    @Test
    @DisplayName("盘点 in the Tasklist: the custodian ticks the expected items (a checklist, no typing) and lists what else was found")
    void inventoryThroughTheTasklist() throws Exception {
        JsonNode inventory = http.ok("custodian", HttpMethod.POST, "/api/inventories", Map.of("zoneId", "zone-ordinary"))
                .path("inventory");
        String inventoryId = inventory.path("id").asText();
        Task count = task(inventoryId, "UserTask_CountItems");
        assertThat((String) taskService.getVariablesLocal(count.getId()).get("财物名称")).startsWith("盘点保管区 普通物品库");
        JsonNode step = get("custodian", "/api/tasklist/tasks/" + count.getId());
        assertThat(step.path("formId").asText()).isEqualTo("property-inventory-count");
        List<String> expected = values(step.path("options").path("foundItemNos"));
        assertThat(expected).hasSize(inventory.path("expectedItemIds").size());
        assertThat(http.call("officer1", HttpMethod.GET, "/api/tasklist/tasks/" + count.getId(), null).getStatusCode().value())
                .isEqualTo(404);
        submitted("custodian", count, Map.of("foundItemNos", String.join(",", expected), "otherItemNos", "账外-0001"));
        JsonNode counted = get("custodian", "/api/inventories/" + inventoryId);
        assertThat(counted.path("inventory").path("discrepancies").asInt()).as("only the item found besides").isEqualTo(1);
        assertThat(counted.path("inventory").path("foundItemNos")).extracting(JsonNode::asText).contains("账外-0001");
        assertThat(counted.path("exceptions")).extracting(e -> e.path("kind").asText()).containsExactly("UNEXPECTED_AT_INVENTORY");
    }

    // --- the item requests' start forms (启动流程: 调用、移送、处置申请 …) ------------------------------------

    /** A request's start form submitted as the Tasklist does, with a forged business key the listener replaces. */
    private ResponseEntity<String> request(String user, String processKey, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>(variables(values));
        body.put("businessKey", "forged-key");
        return http.call(user, HttpMethod.POST, "/engine-rest/process-definition/key/" + processKey + "/submit-form", body);
    }

    /** An item registered through the start form by {@code user} and stored by the custodian (through the API). */
    private String storedItem(String user, String caseId, String name) throws Exception {
        Map<String, Object> form = valuable(caseId);
        form.put("category", "GENERAL");
        form.put("name", name);
        if (!user.equals("officer1")) {
            form.put("sealedBy", "");
            form.put("photoHashes", "");
        }
        ResponseEntity<String> started = startForm(user, form);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String itemId = itemOf(started);
        http.ok(user, HttpMethod.POST, "/api/property-items/" + itemId + "/handover", Map.of("centreId", "rz-custody"));
        http.ok("custodian", HttpMethod.POST, "/api/property-items/" + itemId + "/inspection", Map.of("result", "PASS",
                "zoneId", "zone-ordinary", "location", "A-01-02"));
        assertThat(status(itemId)).isEqualTo("IN_STORAGE");
        return itemId;
    }

    /** The Tasklist's local date-time, to the minute (what the embedded form submits). */
    private static String local(java.time.Duration fromNow) {
        return TestClock.now().plus(fromNow).atOffset(ZoneOffset.ofHours(8)).withSecond(0).withNano(0).toLocalDateTime()
                .toString();
    }

    private List<String> ledgerEvents(String itemId) throws Exception {
        List<String> events = new ArrayList<>();
        get("admin", "/api/property-items/" + itemId + "/ledger").forEach(e -> events.add(e.path("eventType").asText()));
        return events;
    }

    @Test
    @DisplayName("启动流程 调用: the picker offers the items the caller may request now (财物编号 名称（案号）); custodians and other agencies get none of them")
    void requestPickerOffersOnlyAllowedItems() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String stored = storedItem("officer1", caseId, "银色笔记本电脑");
        String pending = itemOf(startForm("officer1", valuable(caseId)));
        String itemNo = get("officer1", "/api/property-items/" + stored).path("itemNo").asText();
        String caseNo = get("officer1", "/api/property-cases/" + caseId).path("agencyCaseNo").asText();

        // every request's start event shows the product's embedded form, deployed with the process
        for (var request : org.fengqiao.custody.process.CustodyProcesses.REQUESTS.entrySet()) {
            String key = request.getKey();
            assertThat(get("admin", "/engine-rest/process-definition/key/" + key + "/startForm").path("key").asText())
                    .isEqualTo("embedded:deployment:custody/forms/" + request.getValue().formId() + ".html");
            ResponseEntity<String> html = http.call("admin", HttpMethod.GET,
                    "/engine-rest/process-definition/key/" + key + "/deployed-start-form", null);
            assertThat(html.getStatusCode().value()).as(key).isEqualTo(200);
            assertThat(html.getBody()).contains("fengqiaoStep");
        }

        JsonNode form = get("officer1", "/api/tasklist/start-forms/property-loan");
        assertThat(form.path("formId").asText()).isEqualTo("property-loan-request");
        List<String> offered = values(form.path("options").path("itemId"));
        assertThat(offered).contains(stored).doesNotContain(pending);
        assertThat(form.path("options").path("itemId").toString()).contains(itemNo + " 银色笔记本电脑（" + caseNo + "）");
        // the form renders the Camunda Form: its date-time is a date-time widget, the item a picker
        assertThat(form.path("form").toString()).contains("\"type\":\"datetime\"");
        // the pending item is offered where its status allows: the hand-over exceptions
        assertThat(values(get("officer1", "/api/tasklist/start-forms/property-handover-deferral").path("options")
                .path("itemId"))).contains(pending).doesNotContain(stored);
        // a custodian requests no loan, another agency's officers do not see the police's items
        assertThat(values(get("custodian", "/api/tasklist/start-forms/property-loan").path("options").path("itemId"))).isEmpty();
        assertThat(values(get("ccdi", "/api/tasklist/start-forms/property-loan").path("options").path("itemId")))
                .doesNotContain(stored, pending);
        // but a custodian records a remote display of any stored item
        assertThat(values(get("custodian", "/api/tasklist/start-forms/property-remote-display").path("options")
                .path("itemId"))).contains(stored);
        // the agencies are picked by name
        JsonNode transfer = get("officer1", "/api/tasklist/start-forms/property-transfer");
        assertThat(values(transfer.path("options").path("toAgencyId"))).contains("rz-procuratorate", "rz-court")
                .doesNotContain("rz-custody");
        assertThat(transfer.path("options").path("toAgencyId").toString()).contains("人民检察院");
    }

    @Test
    @DisplayName("启动流程 调用 → 审批 → 归还: requested from the start form as via POST …/loan-request; business key = the item's 财物编号; cards on every task")
    void loanRequestedFromTheStartForm() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String itemId = storedItem("officer1", caseId, "作案用撬棍");
        String plannedReturn = local(java.time.Duration.ofDays(2));

        ResponseEntity<String> started = request("officer1", "property-loan", Map.of("itemId", itemId,
                "reason", "带往现场辨认", "plannedReturnAt", plannedReturn));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        assertThat(http.json(started).path("businessKey").asText()).as("business key = the item's 财物编号")
                .isEqualTo(itemNo(itemId));
        String pid = http.json(started).path("id").asText();

        JsonNode item = get("officer1", "/api/property-items/" + itemId);
        assertThat(item.path("status").asText()).isEqualTo("LOAN_REQUESTED");
        assertThat(item.path("loan").path("requestedBy").asText()).isEqualTo("officer1");
        assertThat(item.path("loan").path("reason").asText()).isEqualTo("带往现场辨认");
        assertThat(java.time.OffsetDateTime.parse(item.path("loan").path("plannedReturnAt").asText())
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime().toString())
                .as("the local time, to the minute, in the calendar's zone").isEqualTo(plannedReturn);
        assertThat(ledgerEvents(itemId)).last().isEqualTo("LOAN_REQUEST");
        // only the process's own variables stay; the form's fields were read and dropped
        assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("reason", "plannedReturnAt")
                .containsEntry("itemId", itemId).containsKeys("approverGroup", "loanDueAt");

        Task approval = task(itemId, "UserTask_ApproveLoan");
        assertThat(approval.getProcessInstanceId()).isEqualTo(pid);
        assertThat(taskService.getVariablesLocal(approval.getId())).containsEntry("状态", "调用申请中")
                .containsEntry("财物名称", "作案用撬棍").containsEntry("财物编号", item.path("itemNo").asText());
        loanApprovedAndReturned(itemId);
        assertThat(ledgerEvents(itemId)).containsSubsequence("LOAN_REQUEST", "LOAN_OUT", "LOAN_RETURN");
    }

    @Test
    @DisplayName("启动流程 移送 and 处置申请 from the start forms: the item moves and is disposed of as via the API, the receiving agency signs in the Tasklist")
    void transferAndDisposalFromTheStartForms() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String moved = storedItem("officer1", caseId, "涉案手提箱");
        ResponseEntity<String> transfer = request("officer2", "property-transfer", Map.of("itemId", moved,
                "toAgencyId", "rz-procuratorate", "mode", "PHYSICAL"));
        assertThat(transfer.getStatusCode().value()).as(transfer.getBody()).isEqualTo(200);
        JsonNode inTransfer = get("officer2", "/api/property-items/" + moved);
        assertThat(inTransfer.path("status").asText()).isEqualTo("IN_TRANSFER");
        Task receipt = task(moved, "UserTask_ReceiveTransfer");
        assertThat(taskService.getVariablesLocal(receipt.getId())).containsEntry("状态", "移送中");
        assertThat(submit("officer1", receipt, Map.of("notes", "签收")).getStatusCode().value())
                .as("the sending agency does not sign").isEqualTo(403);
        submitted("prosecutor", receipt, Map.of("notes", "已签收"));
        assertThat(status(moved)).isEqualTo("IN_STORAGE");
        assertThat(ledgerEvents(moved)).containsSubsequence("TRANSFER_OUT", "TRANSFER_IN");

        String released = storedItem("officer1", caseId, "与案件无关的钱包");
        ResponseEntity<String> disposal = request("officer1", "property-disposal", Map.of("itemId", released,
                "disposalType", "RELEASE_UNRELATED", "legalBasisDocNo", "日东公（刑）解字〔2026〕9号"));
        assertThat(disposal.getStatusCode().value()).as(disposal.getBody()).isEqualTo(200);
        JsonNode requested = get("officer1", "/api/property-items/" + released);
        assertThat(requested.path("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
        assertThat(requested.path("disposal").path("requestedBy").asText()).isEqualTo("officer1");
        Task approve = task(released, "UserTask_ApproveDisposal");
        assertThat(taskService.getVariablesLocal(approve.getId())).containsEntry("状态", "处置申请中");
        submitted(requested.path("disposal").path("approverRole").asText(), approve, Map.of("approved", "true"));
        assertThat(status(released)).isEqualTo("DISPOSAL_APPROVED");
    }

    @Test
    @DisplayName("启动流程 远程示证 by the custodian (the API lets custodians record it for any stored item): recorded, the item stays in its zone")
    void remoteDisplayByTheCustodian() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String itemId = storedItem("officer1", caseId, "监控硬盘");
        ResponseEntity<String> started = request("custodian", "property-remote-display", Map.of("itemId", itemId,
                "requestingAgencyId", "rz-court", "scheduledAt", local(java.time.Duration.ofHours(3)),
                "recordingHash", "示证录像 2026-12-04 第1段"));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        assertThat(http.json(started).path("businessKey").asText()).isEqualTo(itemNo(itemId));
        assertThat(status(itemId)).isEqualTo("IN_STORAGE");
        JsonNode last = get("admin", "/api/property-items/" + itemId + "/ledger");
        JsonNode entry = last.get(last.size() - 1);
        assertThat(entry.path("actor").asText()).isEqualTo("custodian");
        assertThat(entry.path("details").toString()).contains("rz-court");
        // an unknown agency is refused on its field, as by the API
        ResponseEntity<String> unknown = request("custodian", "property-remote-display", Map.of("itemId", itemId,
                "requestingAgencyId", "no-such-agency", "scheduledAt", local(java.time.Duration.ofHours(3)),
                "recordingHash", "示证录像"));
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(422);
        assertThat(fields(http.json(unknown))).containsExactly("requestingAgencyId");
        assertThat(get("admin", "/api/property-items/" + itemId + "/ledger")).hasSize(last.size());
    }

    @Test
    @DisplayName("启动流程 refusals: a role without the right 403; an item out of scope or in a wrong status, a bad date, an undeclared field — 422 in Chinese naming the field, nothing stored")
    void requestRefusals() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String itemId = storedItem("officer1", caseId, "红色行李箱");
        String pending = itemOf(startForm("officer1", valuable(caseId)));
        String ccdiCase = openCase("ccdi", "rz-ccdi", List.of("ccdi", "ccdi2"));
        String ccdiItem = storedItem("ccdi", ccdiCase, "纪委扣押账册");
        Map<String, Object> loan = new HashMap<>(Map.of("itemId", itemId, "reason", "辨认",
                "plannedReturnAt", local(java.time.Duration.ofDays(1))));
        List<String> before = ledgerEvents(itemId);

        // roles without the right: the engine refuses the start (no CREATE_INSTANCE)
        for (String user : List.of("custodian", "mediator1", "agencyhead")) {
            ResponseEntity<String> r = request(user, "property-loan", loan);
            assertThat(r.getStatusCode().value()).as(user + " → " + r.getBody()).isEqualTo(403);
        }
        // an item of another agency, an item that is not stored, an item that does not exist: refused on the picker
        for (String other : List.of(ccdiItem, pending, "no-such-item")) {
            Map<String, Object> wrong = new HashMap<>(loan);
            wrong.put("itemId", other);
            ResponseEntity<String> r = request("officer1", "property-loan", wrong);
            assertThat(r.getStatusCode().value()).as(other + " → " + r.getBody()).isEqualTo(422);
            JsonNode problem = http.json(r);
            assertThat(fields(problem)).containsExactly("itemId");
            assertThat(problem.path("errors").get(0).path("message").asText()).containsPattern("\\p{IsHan}")
                    .doesNotContain("ENGINE-");
        }
        Map<String, Object> wrongStatus = new HashMap<>(loan);
        wrongStatus.put("itemId", pending);
        assertThat(http.json(request("officer1", "property-loan", wrongStatus)).path("errors").get(0).path("message").asText())
                .contains("待移交");
        // the domain's own checks, through the same call as the API: a return time in the past, a malformed one
        Map<String, Object> past = new HashMap<>(loan);
        past.put("plannedReturnAt", local(java.time.Duration.ofDays(-1)));
        ResponseEntity<String> r = request("officer1", "property-loan", past);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(422);
        assertThat(fields(http.json(r))).containsExactly("plannedReturnAt");
        past.put("plannedReturnAt", "明天上午");
        assertThat(fields(http.json(request("officer1", "property-loan", past)))).containsExactly("plannedReturnAt");
        // a field the start form does not declare (here: the approver's group) is refused
        Map<String, Object> forged = new HashMap<>(loan);
        forged.put("approverGroup", "rz-police-officer");
        ResponseEntity<String> smuggled = request("officer1", "property-loan", forged);
        assertThat(smuggled.getStatusCode().value()).as(smuggled.getBody()).isEqualTo(422);
        assertThat(fields(http.json(smuggled))).containsExactly("approverGroup");
        // starting past the start event or without its listeners is refused
        ResponseEntity<String> skipped = http.call("officer1", HttpMethod.POST, "/engine-rest/process-definition/key/property-loan/start",
                Map.of("businessKey", itemId, "skipCustomListeners", true, "variables", Map.of()));
        assertThat(skipped.getStatusCode().value()).as(skipped.getBody()).isEqualTo(403);
        // nothing stored: no status changed, no ledger entry, no instance
        assertThat(status(itemId)).isEqualTo("IN_STORAGE");
        assertThat(status(pending)).isEqualTo("PENDING_HANDOVER");
        assertThat(status(ccdiItem)).isEqualTo("IN_STORAGE");
        assertThat(ledgerEvents(itemId)).isEqualTo(before);
        assertThat(instances("property-loan", itemNo(itemId))).isZero();
        assertThat(instances("property-loan", itemId)).isZero();
        assertThat(instances("property-loan", "forged-key")).isZero();
    }

    @Test
    @DisplayName("交接查验: the shelf position is picked among the chosen zone's positions")
    void shelfPositionsOfTheZone() throws Exception {
        String caseId = openCase("officer1", "rz-police", List.of("officer1", "officer2"));
        String itemId = itemOf(startForm("officer1", valuable(caseId)));
        http.ok("officer1", HttpMethod.POST, "/api/property-items/" + itemId + "/handover", Map.of("centreId", "rz-custody"));
        JsonNode step = get("custodian", "/api/tasklist/tasks/" + task(itemId, "UserTask_InspectHandover").getId());
        JsonNode locations = step.path("options").path("location");
        assertThat(values(locations)).contains("A-01-01", "V-01");
        locations.forEach(l -> assertThat(l.path("data").path("zoneId").asText()).as(l.toString())
                .isEqualTo(l.path("value").asText().startsWith("A-") ? "zone-ordinary"
                        : l.path("data").path("zoneId").asText()));
        assertThat(locations.toString()).contains("{\"value\":\"V-01\",\"label\":\"V-01\",\"data\":{\"zoneId\":\"zone-valuables\"}}");
    }
}
