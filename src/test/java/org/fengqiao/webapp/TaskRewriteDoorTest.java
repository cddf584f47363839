package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.PortApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's task door as the centre's staff reach it (/engine-rest, and the Tasklist through the webapps' API):
 * a task is claimed, unclaimed and completed, never rewritten. A mediator holding a case's step (UPDATE on the
 * task) could otherwise end the case's whole process with one BPMN error no model catches, remove the step's
 * statutory due date (the 督办 filters read it), hand the step to another organisation's group, delegate it, or
 * trigger the process's message subscriptions. Each such call answers 403 and changes nothing.
 */
@BrowserTestServer
class TaskRewriteDoorTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    private PortApi http;

    @BeforeEach
    void http() {
        http = new PortApi(rest, mapper);
    }

    /** A step the mediator works: the seeded cases in mediation have mediator1's 主持调解. */
    private Task mediatorsStep() {
        List<Task> mine = taskService.createTaskQuery().taskAssignee("mediator1").taskDefinitionKey("UserTask_Mediate")
                .processDefinitionKey("dispute-mediation").list();
        assertThat(mine).as("a seeded 主持调解 of mediator1").isNotEmpty();
        return mine.get(0);
    }

    private int status(String user, HttpMethod method, String path, Object body) {
        ResponseEntity<String> r = http.call(user, method, path, body);
        return r.getStatusCode().value();
    }

    @Test
    @DisplayName("a step's holder cannot end the process by a BPMN error or escalation, nor trigger its messages or signals")
    void noProcessEndsThroughATask() {
        Task step = mediatorsStep();
        String pid = step.getProcessInstanceId();
        assertThat(status("mediator1", HttpMethod.POST, "/engine-rest/task/" + step.getId() + "/bpmnError",
                Map.of("errorCode", "any"))).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, "/engine-rest/task/" + step.getId() + "/bpmnEscalation",
                Map.of("escalationCode", "any"))).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, "/engine-rest/execution/" + pid
                + "/messageSubscriptions/DisputeWithdrawn/trigger", Map.of())).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, "/engine-rest/execution/" + step.getExecutionId() + "/signal",
                Map.of())).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).as("the case's process runs on")
                .isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(step.getId()).count()).as("the step is still open").isEqualTo(1);
    }

    @Test
    @DisplayName("a step's name, due date, priority, candidates and assignee are not rewritten through the door; claiming stays")
    void noStepIsRewritten() {
        Task step = mediatorsStep();
        Date due = step.getDueDate();
        List<String> links = taskService.getIdentityLinksForTask(step.getId()).stream().map(TaskRewriteDoorTest::link).sorted().toList();
        String path = "/engine-rest/task/" + step.getId();

        assertThat(status("mediator1", HttpMethod.PUT, path, Map.of("name", "改名", "priority", 1))).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.DELETE, path, null)).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, path + "/identity-links",
                Map.of("groupId", "rz-ls-bk-tw-mediator", "type", "candidate"))).as("another committee's mediators").isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, path + "/identity-links/delete",
                Map.of("userId", "mediator1", "type", "candidate"))).isEqualTo(403);
        assertThat(status("mediator1", HttpMethod.POST, path + "/delegate", Map.of("userId", "mediator2"))).isEqualTo(403);

        Task after = taskService.createTaskQuery().taskId(step.getId()).singleResult();
        assertThat(after.getName()).isEqualTo(step.getName());
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getPriority()).isEqualTo(step.getPriority());
        assertThat(after.getAssignee()).isEqualTo("mediator1");
        assertThat(taskService.getIdentityLinksForTask(step.getId()).stream().map(TaskRewriteDoorTest::link).sorted().toList())
                .isEqualTo(links);

        // the acts of the Tasklist's work stay open: unclaim and claim again, and the task queries
        assertThat(status("mediator1", HttpMethod.POST, path + "/unclaim", null)).isEqualTo(204);
        assertThat(status("mediator1", HttpMethod.POST, path + "/claim", Map.of("userId", "mediator1"))).isEqualTo(204);
        assertThat(status("mediator1", HttpMethod.POST, "/engine-rest/task/count", Map.of())).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(step.getId()).singleResult().getAssignee()).isEqualTo("mediator1");
    }

    private static String link(IdentityLink l) {
        return l.getType() + ":" + l.getUserId() + ":" + l.getGroupId();
    }
}
