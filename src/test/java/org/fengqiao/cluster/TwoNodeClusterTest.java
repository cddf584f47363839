package org.fengqiao.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.fengqiao.FengqiaoApplication;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.Api;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two application nodes (two Spring contexts, each with its own process engine and job executor)
 * on one PostgreSQL database: a due timer fires exactly once, concurrent actions on one case give
 * one success and one 409 without lost updates, and jobs locked by a node that died are taken over
 * by the other once the lock expires.
 */
@Tag("postgres")
class TwoNodeClusterTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api apiA;
    static Api apiB;
    static JdbcClient jdbc;

    @BeforeAll
    static void startTwoNodes() {
        String url = PostgresDatabase.create("fq_cluster");
        nodeA = start(url, "node-a");
        nodeB = start(url, "node-b");
        apiA = api(nodeA);
        apiB = api(nodeB);
        jdbc = nodeA.getBean(JdbcClient.class);
    }

    private static ConfigurableApplicationContext start(String url, String name) {
        return new SpringApplicationBuilder(FengqiaoApplication.class)
                .profiles("test", "postgres")
                // command-line arguments: they outrank application-postgres.yml
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.USER,
                        // no webapps in the nodes: closing a node would clear the webapps' JVM-wide runtime delegates
                        // from under the test suite's webapp context, which shares this JVM
                        "--server.port=0", "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=500",
                        "--camunda.bpm.job-execution.lock-time-in-millis=3000",
                        "--camunda.bpm.id-generator=strong",
                        "--spring.application.name=fengqiao-" + name);
    }

    private static Api api(ConfigurableApplicationContext node) {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) node)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        return new Api(mvc, node.getBean(ObjectMapper.class));
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private static String registerAndPush() {
        Api.Response r = apiA.post("clerk", "/api/disputes", Map.of("title", "集群测试", "category", "DEBT",
                "channel", "PARTY_APPLICATION", "centreId", "rz", "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙"))));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String id = r.text("id");
        Api.Response pushed = apiB.post("triage", "/api/disputes/" + id + "/triage", Map.of("decision", "ACCEPT",
                "mediationType", "PEOPLES", "level", "TOWN", "orgId", "rz-ls-adw-tw", "assignmentMode", "PUSH"));
        assertThat(pushed.text("status")).isEqualTo("ASSIGNED_PENDING_ACCEPT");
        return id;
    }

    private static long historyCount(String id, String action) {
        return jdbc.sql("select count(*) from dispute_history where case_id = ? and action = ?").params(id, action)
                .query(Long.class).single();
    }

    private static void awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (status.equals(apiA.get("admin", "/api/disputes/" + id).text("status"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " did not reach " + status + " within " + timeout);
    }

    @Test
    void aDueTimerFiresExactlyOnceAcrossBothNodes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(registerAndPush());
        }
        // the acceptance limit (3 working days) passes for all five at once; both executors compete
        ClockUtil.setCurrentTime(Date.from(TestClock.now().plus(Duration.ofDays(12))));
        for (String id : ids) {
            awaitStatus(id, "TRIAGE", Duration.ofSeconds(60));
        }
        Thread.sleep(1500);
        for (String id : ids) {
            assertThat(historyCount(id, "acceptance-timeout")).as(id).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from supervision where target_id = ? and level = 'REMINDER'").param(id)
                    .query(Long.class).single()).as(id).isEqualTo(1);
        }
    }

    @Test
    void concurrentActionsOnOneCaseGiveOneSuccessAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = registerAndPush();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Api.Response>> calls = List.of(
                        () -> { go.await(); return apiA.post("orgadmin", "/api/disputes/" + id + "/acceptance", Map.of("accepted", true)); },
                        () -> { go.await(); return apiB.post("orgadmin", "/api/disputes/" + id + "/acceptance",
                                Map.of("accepted", false, "reason", "人手不足")); });
                List<Future<Api.Response>> futures = new ArrayList<>();
                calls.forEach(c -> futures.add(pool.submit(c)));
                go.countDown();
                List<Api.Response> answers = new ArrayList<>();
                for (Future<Api.Response> f : futures) {
                    answers.add(f.get());
                }
                assertThat(answers).extracting(Api.Response::status).containsOnlyOnce(200);
                Api.Response loser = answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
                assertThat(historyCount(id, "acceptance")).isEqualTo(1);
                String status = apiA.get("admin", "/api/disputes/" + id).text("status");
                assertThat(status).isIn("CONSENT_PENDING", "TRIAGE");
                if (loser.status() == 404) {
                    // the decline won before the other request was even read: the case went back to the
                    // centre's triage and is no longer the organisation's to see (a sequential answer)
                    assertThat(status).isEqualTo("TRIAGE");
                    assertThat(loser.problemType()).isEqualTo("/problems/not-found");
                } else {
                    assertThat(loser.status()).isEqualTo(409);
                    assertThat(loser.problemType()).isEqualTo("/problems/illegal-transition");
                }
                // the case's process instance (its business key is the 案号, not the REST id)
                long openTasks = nodeA.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                        .processInstanceId(apiA.get("admin", "/api/disputes/" + id).text("processInstanceId")).count();
                assertThat(openTasks).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void jobsLockedByADeadNodeAreCompletedByTheOtherAfterTheLockExpires() throws Exception {
        String id = registerAndPush();
        ManagementService management = nodeA.getBean(ManagementService.class);
        Job timer = management.createJobQuery().processInstanceId(
                apiA.get("admin", "/api/disputes/" + id).text("processInstanceId")).timers().singleResult();
        // a node that acquired the job and was killed: its lock stays for lock-time, nobody else may run it
        Instant lockExpires = TestClock.now().plus(Duration.ofDays(12)).plusSeconds(5);
        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'killed-node', LOCK_EXP_TIME_ = ? where ID_ = ?")
                .params(java.sql.Timestamp.from(lockExpires), timer.getId()).update();
        ClockUtil.setCurrentTime(Date.from(TestClock.now().plus(Duration.ofDays(12))));
        Thread.sleep(2500);
        assertThat(apiA.get("admin", "/api/disputes/" + id).text("status")).as("still locked by the dead node")
                .isEqualTo("ASSIGNED_PENDING_ACCEPT");
        ClockUtil.setCurrentTime(Date.from(lockExpires.plusSeconds(1)));
        awaitStatus(id, "TRIAGE", Duration.ofSeconds(60));
        assertThat(historyCount(id, "acceptance-timeout")).isEqualTo(1);
    }
}
