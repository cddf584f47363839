package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Tasklist door shows the same scope as the API: with Camunda authorization on, a mediator of
 * the 安东卫 committee sees only that committee's tasks through TaskService and the seeded filters
 * (exactly what the Tasklist calls, as that user); 碑廓镇's mediator sees none of them and gets 404
 * for the case through the API.
 */
@FengqiaoTest
class DisputeTasklistScopeTest {

    static final List<String> SEEDED_FILTERS = List.of("我的待办", "本组待办", "即将超期", "已超期");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngineConfiguration engineConfiguration;

    DisputeFixtures f;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
        f = new DisputeFixtures(api);
    }

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    /** Runs {@code work} as the Tasklist does for a logged-in user: their id and all their groups. */
    private <T> T as(String user, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String orgOf(Task task) {
        String caseId = (String) taskService.getVariable(task.getId(), "caseId");
        return f.get("admin", caseId).text("orgId");
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }

    @Test
    @DisplayName("authorization is on; the four filters are seeded and readable by every role, 全部任务 is gone")
    void filtersAreSeeded() {
        assertThat(engineConfiguration.isAuthorizationEnabled()).isTrue();
        assertThat(filterService.createFilterQuery().filterName("全部任务").count()).isZero();
        for (String user : List.of("mediator1", "orgadmin", "triage", "visitor", "supervisor", "custodian", "officer1", "ccdi")) {
            List<String> names = as(user, () -> filterService.createFilterQuery().list()).stream().map(Filter::getName).toList();
            assertThat(names).as(user).containsAll(SEEDED_FILTERS);
        }
    }

    @Test
    @DisplayName("mediator1 sees only the 安东卫 committee's tasks; mediator2 sees none of them and gets 404")
    void mediatorSeesOnlyTheCommitteesTasks() {
        String id = f.inMediation(DisputeFixtures.labourDispute());
        String pid = f.get("admin", id).text("processInstanceId");

        List<Task> visible = as("mediator1", () -> taskService.createTaskQuery().list());
        assertThat(visible).extracting(Task::getProcessInstanceId).contains(pid);
        assertThat(visible).allSatisfy(t -> assertThat(orgOf(t)).as(t.getName()).isEqualTo(DisputeFixtures.ADW_COMMITTEE));

        Filter mine = filter("我的待办");
        List<Task> myTasks = as("mediator1", () -> filterService.<Task>list(mine.getId()));
        assertThat(myTasks).extracting(Task::getProcessInstanceId).contains(pid);
        assertThat(myTasks).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("mediator1"));
        for (String name : SEEDED_FILTERS) {
            List<Task> listed = as("mediator1", () -> filterService.<Task>list(filter(name).getId()));
            assertThat(listed).as(name).allSatisfy(t -> assertThat(orgOf(t)).isEqualTo(DisputeFixtures.ADW_COMMITTEE));
        }
        Task mediation = as("mediator1", () -> taskService.createTaskQuery().processInstanceId(pid).singleResult());
        assertThat(mediation.getName()).isEqualTo("主持调解");
        assertThat(mediation.getDueDate()).as("due date from the mediation limit").isNotNull();
        assertThat(mediation.getFollowUpDate()).as("follow-up date from the warning").isNotNull();

        // another town's mediator: nothing in the Tasklist, 404 through the API
        assertThat(as("mediator2", () -> taskService.createTaskQuery().processInstanceId(pid).count())).isZero();
        for (String name : SEEDED_FILTERS) {
            List<Task> listed = as("mediator2", () -> filterService.<Task>list(filter(name).getId()));
            assertThat(listed).as(name).extracting(Task::getProcessInstanceId).doesNotContain(pid);
        }
        assertThat(as("mediator2", () -> taskService.createTaskQuery().list()))
                .allSatisfy(t -> assertThat(orgOf(t)).isNotEqualTo(DisputeFixtures.ADW_COMMITTEE));
        assertThat(f.get("mediator2", id).status()).isEqualTo(404);
        // and the engine refuses mediator2 the task itself, not only the list
        assertThat(as("mediator2", () -> org.assertj.core.api.Assertions.catchThrowable(
                () -> taskService.complete(mediation.getId(), Map.of("action", "sessions")))))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    @Test
    @DisplayName("本组待办 shows the committee's consent step to its orgadmin, not to 碑廓镇's orgadmin2")
    void groupTasksFollowTheOrganisation() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        String pid = f.get("admin", id).text("processInstanceId");
        Filter group = filter("本组待办");
        assertThat(as("orgadmin", () -> filterService.<Task>list(group.getId())))
                .extracting(Task::getProcessInstanceId).contains(pid);
        assertThat(as("mediator1", () -> filterService.<Task>list(group.getId())))
                .extracting(Task::getProcessInstanceId).contains(pid);
        assertThat(as("orgadmin2", () -> filterService.<Task>list(group.getId())))
                .extracting(Task::getProcessInstanceId).doesNotContain(pid);
        assertThat(as("clerk", () -> taskService.createTaskQuery().processInstanceId(pid).count())).isZero();
    }

    @Test
    @DisplayName("督办员: 已超期 lists the overdue steps of the cases in scope, read-only; a supervisor elsewhere sees none")
    void supervisorFollowsOverdueStepsInScope() {
        String id = f.inMediation(DisputeFixtures.labourDispute());
        String pid = f.get("admin", id).text("processInstanceId");
        Task mediation = as("mediator1", () -> taskService.createTaskQuery().processInstanceId(pid).singleResult());
        Filter overdue = filter("已超期");
        Filter group = filter("本组待办");
        try {
            // before the mediation limit: following, not overdue
            assertThat(as("supervisor", () -> filterService.<Task>list(overdue.getId())))
                    .extracting(Task::getProcessInstanceId).doesNotContain(pid);

            // past the mediation limit: its timer fires and marks the case overdue (督办)
            TestClock.travelTo(mediation.getDueDate().toInstant().plus(java.time.Duration.ofMinutes(1)));
            for (var job : managementService.createJobQuery().processInstanceId(pid).timers()
                    .duedateLowerThan(java.util.Date.from(TestClock.now())).list()) {
                managementService.executeJob(job.getId());
            }
            // the open step now (the expiry decision once the limit passed), due in the past
            Task open = taskService.createTaskQuery().processInstanceId(pid).singleResult();
            assertThat(open.getDueDate()).isBefore(java.util.Date.from(TestClock.now()));
            assertThat(as("supervisor", () -> filterService.<Task>list(overdue.getId())))
                    .extracting(Task::getId).contains(open.getId());
            // the same case the API lists to the supervisor as overdue
            List<String> listed = new java.util.ArrayList<>();
            api.get("supervisor", "/api/disputes?overdue=true&size=200").body().path("items")
                    .forEach(c -> listed.add(c.path("id").asText()));
            assertThat(listed).contains(id);
            // following is not working: not a candidate, not claimable, not completable
            assertThat(as("supervisor", () -> filterService.<Task>list(group.getId())))
                    .extracting(Task::getProcessInstanceId).doesNotContain(pid);
            assertThat(as("supervisor", () -> org.assertj.core.api.Assertions.catchThrowable(
                    () -> taskService.claim(open.getId(), "supervisor"))))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            assertThat(as("supervisor", () -> org.assertj.core.api.Assertions.catchThrowable(
                    () -> taskService.complete(open.getId(), Map.of("action", "sessions")))))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            // the embedded form shows the supervisor the case, read-only; the mediator works it
            Api.Response step = api.get("supervisor", "/api/tasklist/tasks/" + open.getId());
            assertThat(step.status()).isEqualTo(200);
            assertThat(step.body().path("readOnly").asBoolean()).isTrue();
            assertThat(step.text("caseApi")).isEqualTo("/api/disputes/" + id);
            assertThat(api.get("mediator1", "/api/tasklist/tasks/" + open.getId()).body().path("readOnly").asBoolean())
                    .isFalse();
            // a supervisor of 碑廓镇 (not on the case's path to the root) sees nothing of it
            identityService.setAuthentication("bk-supervisor", List.of("supervisor", "rz-ls-bk-supervisor"));
            try {
                assertThat(filterService.<Task>list(overdue.getId())).extracting(Task::getProcessInstanceId).doesNotContain(pid);
                assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
            } finally {
                identityService.clearAuthentication();
            }
        } finally {
            TestClock.restore();
        }
    }

    @Test
    @DisplayName("Tasklist search (任务变量): by 案号 finds the one case, by a party's name (like) finds it too, only within the caller's scope")
    void searchByCaseNoAndPartyName() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        String caseNo = f.get("admin", id).text("caseNo");
        String pid = f.get("admin", id).text("processInstanceId");
        String party = f.partyNames(id).get(1);
        Filter group = filter("本组待办");
        // what the Tasklist sends for a search pill 任务变量 · 案号 = …, and · 当事人 like %…%
        Supplier<List<Task>> byCaseNo = () -> filterService.list(group.getId(),
                taskService.createTaskQuery().taskVariableValueEquals("案号", caseNo));
        Supplier<List<Task>> byParty = () -> filterService.list(group.getId(),
                taskService.createTaskQuery().taskVariableValueLike("当事人", "%" + party + "%"));

        assertThat(as("orgadmin", byCaseNo)).extracting(Task::getProcessInstanceId).containsOnly(pid);
        assertThat(as("orgadmin", byParty)).extracting(Task::getProcessInstanceId).contains(pid);
        // the filter's card columns offer those names to the search, in Chinese
        assertThat(filter("本组待办").getProperties().get("variables").toString()).contains("案号", "当事人").doesNotContain("caseNo");
        // 碑廓镇's orgadmin searches the same 案号 and party: nothing
        assertThat(as("orgadmin2", byCaseNo)).isEmpty();
        assertThat(as("orgadmin2", byParty)).extracting(Task::getProcessInstanceId).doesNotContain(pid);
    }
}
