package org.fengqiao.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.fengqiao.FengqiaoApplication;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Complete dispute lifecycles (registration to CLOSED, 8 requests) through the REST facade, and
 * the same lifecycle through Camunda's own {@code /engine-rest} on a copy of the model without
 * the domain behind it (start, then query and complete each task). Reports sequential cost per
 * lifecycle and the facade/raw ratio, maximum throughput with concurrent clients, and p50/p99 per
 * action at half of that throughput. Writes its figures to docs/benchmarks.md. Not a unit test:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedTestGroups=none -Dtest=ApiLifecycleBenchmark}.
 */
@Tag("benchmark")
class ApiLifecycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 20);
    private static final int SEQUENTIAL = Integer.getInteger("benchmark.lifecycles", 100);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    private static final int THROUGHPUT_SECONDS = Integer.getInteger("benchmark.seconds", 20);
    /** Length of the fixed-load phase: long enough that p99 is not just the slowest one or two samples. */
    private static final int LATENCY_SECONDS = Integer.getInteger("benchmark.latency-seconds", 60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    /** The test profile names engines uniquely, so /engine-rest is addressed by engine name. */
    private String engineRest;

    @Test
    void onH2() throws Exception {
        run("H2 2.3 (in-memory)", null);
    }

    @Test
    void onPostgres() throws Exception {
        run("PostgreSQL 15 (127.0.0.1)", PostgresDatabase.create("fq_bench"));
    }

    private void run(String database, String pgUrl) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--fengqiao.operations.max-job-backlog=1000000"));
        if (pgUrl != null) {
            args.add("--spring.datasource.url=" + pgUrl);
            args.add("--spring.datasource.username=" + PostgresDatabase.USER);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(FengqiaoApplication.class)
                .profiles(pgUrl == null ? new String[] {"test"} : new String[] {"test", "postgres"});
        try (ConfigurableApplicationContext app = builder.run(args.toArray(String[]::new))) {
            port = ((WebServerApplicationContext) app).getWebServer().getPort();
            engineRest = "/engine-rest/engine/" + app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
            deployRawModel(app.getBean(RepositoryService.class));
            Map<String, List<Long>> ignored = new ConcurrentHashMap<>();
            for (int i = 0; i < WARMUP; i++) {
                facadeLifecycle(ignored);
                rawLifecycle();
            }
            long facadeStart = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) {
                facadeLifecycle(ignored);
            }
            double facadeMs = (System.nanoTime() - facadeStart) / 1e6 / SEQUENTIAL;
            long rawStart = System.nanoTime();
            for (int i = 0; i < SEQUENTIAL; i++) {
                rawLifecycle();
            }
            double rawMs = (System.nanoTime() - rawStart) / 1e6 / SEQUENTIAL;

            double maxPerSecond = maxThroughput();
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            GcPauses gc = GcPauses.start();
            int offered = fixedLoad(maxPerSecond / 2, latencies);
            gc.stop();

            StringBuilder body = new StringBuilder();
            body.append("Database: ").append(database).append(". One JVM runs the application (job executor off) and the ")
                    .append("HTTP clients; history level FULL. A lifecycle = register, triage (DESIGNATE), consent, mediators, ")
                    .append("sessions, agreement, performance DONE, return-visit SATISFIED → CLOSED (8 requests). The raw path ")
                    .append("runs the same BPMN without listeners, forms and domain (`dispute-mediation-raw`) through ")
                    .append("`/engine-rest`: start + 7 × (task query + complete) = 15 requests.\n\n");
            body.append("| measure | value | target |\n|---|---|---|\n");
            body.append(String.format("| facade, sequential, per lifecycle | %.1f ms | |%n", facadeMs));
            body.append(String.format("| raw `/engine-rest`, sequential, per lifecycle | %.1f ms | |%n", rawMs));
            double ratio = facadeMs / rawMs;
            body.append(String.format("| **facade cost / raw engine cost** | **%.2f×** | ≤ 1.5× %s |%n", ratio,
                    ratio <= 1.5 ? "met" : String.format("missed by %.0f %%", (ratio / 1.5 - 1) * 100)));
            body.append(String.format("| max throughput, %d clients | %.1f lifecycles/s (%.0f actions/s) | |%n", CLIENTS,
                    maxPerSecond, maxPerSecond * 8));
            body.append(String.format("| offered load for latency | %.1f lifecycles/s for %d s (%d lifecycles) | half of max |%n",
                    maxPerSecond / 2, LATENCY_SECONDS, offered));
            body.append(String.format("| garbage collection during that phase | %d collections, %d ms in all, longest %d ms | |%n",
                    gc.count(), gc.totalMs(), gc.longestMs()));
            body.append("\n| action | p50 ms | p99 ms | samples over 100 ms | target p99 |\n|---|---|---|---|---|\n");
            double worstP99 = 0;
            double worstP50 = 0;
            for (Map.Entry<String, List<Long>> e : new java.util.TreeMap<>(latencies).entrySet()) {
                long[] sorted = List.copyOf(e.getValue()).stream().mapToLong(Long::longValue).sorted().toArray();
                double p99 = BenchmarkReport.percentile(sorted, 99);
                worstP99 = Math.max(worstP99, p99);
                worstP50 = Math.max(worstP50, BenchmarkReport.percentile(sorted, 50));
                long slow = java.util.Arrays.stream(sorted).filter(nanos -> nanos >= 100_000_000L).count();
                body.append(String.format("| %s | %.1f | %.1f | %d of %d | < 100 %s |%n", e.getKey(),
                        BenchmarkReport.percentile(sorted, 50), p99, slow, sorted.length, p99 < 100 ? "met" : "missed"));
            }
            if (ratio > 1.5) {
                body.append("\nWhy the ratio is missed: each facade action does what the raw path does (task query and "
                        + "completion with FULL history) plus the domain's work in the same transaction — a row lock on the "
                        + "case, the aggregate's update with its optimistic version, a history row, the report figures, "
                        + "re-reading the case for the response and computing `allowedActions`, the candidate-group "
                        + "variables. The ratio is that domain work.\n");
            }
            if (worstP99 >= 100) {
                body.append(String.format("%nWhy a p99 is missed: no median is above %.0f ms; what lies above the target "
                        + "is a few samples per action (column \"samples over 100 ms\"). The clients, the application and "
                        + "the database share 2 cores, and the JVM collected garbage as given above; a sample that meets a "
                        + "collection or a core busy with another request's commit waits for it. Nothing here tells which "
                        + "of the two each slow sample met.%n", worstP50));
            }
            BenchmarkReport.writeSection("Dispute lifecycle through the API — " + database, body.toString());
        }
    }

    // --- the facade -----------------------------------------------------------------------------

    private void facadeLifecycle(Map<String, List<Long>> latencies) throws IOException, InterruptedException {
        Map<String, Object> registration = Map.of("title", "基准测试纠纷", "category", "DEBT", "channel", "HOTLINE_12345",
                "centreId", "rz", "amountInvolved", 5000, "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙")));
        String id = timed(latencies, "register", "clerk", "/api/disputes", registration).path("id").asText();
        String base = "/api/disputes/" + id + "/";
        timed(latencies, "triage", "triage", base + "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES",
                "level", "TOWN", "orgId", "rz-ls-adw-tw", "assignmentMode", "DESIGNATE"));
        timed(latencies, "consent", "orgadmin", base + "consent", Map.of("respondentConsent", "AGREED"));
        timed(latencies, "mediators", "orgadmin", base + "mediators", Map.of("presidingMediatorId", "mediator1"));
        timed(latencies, "sessions", "mediator1", base + "sessions", Map.of("heldAt",
                java.time.OffsetDateTime.now().minusMinutes(1).toString(), "minutes", "调解记录", "rightsNoticeDelivered", true));
        timed(latencies, "agreement", "mediator1", base + "agreement", Map.of("form", "ORAL", "terms", "一次性还款"));
        timed(latencies, "performance", "mediator1", base + "performance", Map.of("status", "DONE"));
        JsonNode closed = timed(latencies, "return-visit", "visitor", base + "return-visit", Map.of("satisfaction", "SATISFIED"));
        if (!"CLOSED".equals(closed.path("status").asText())) {
            throw new IllegalStateException("lifecycle did not close: " + closed);
        }
    }

    private JsonNode timed(Map<String, List<Long>> latencies, String action, String user, String path, Object body)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> r = send("POST", user, path, body);
        latencies.computeIfAbsent(action, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - start);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(action + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    // --- the raw engine -------------------------------------------------------------------------

    /** The same model without the domain behind it: no listeners, no forms, service tasks do nothing. */
    private static void deployRawModel(RepositoryService repository) throws IOException {
        String xml = Files.readString(Path.of("processes", "dispute", "dispute-mediation.bpmn"), StandardCharsets.UTF_8)
                .replace("<bpmn:process id=\"dispute-mediation\"", "<bpmn:process id=\"dispute-mediation-raw\"")
                .replace("bpmnElement=\"dispute-mediation\"", "bpmnElement=\"dispute-mediation-raw\"")
                .replaceAll("<bpmn:extensionElements>.*?</bpmn:extensionElements>", "")
                .replaceAll(" camunda:formRef=\"[^\"]*\" camunda:formRefBinding=\"latest\"", "")
                .replaceAll(" camunda:formKey=\"[^\"]*\"", "")
                .replaceAll("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:expression=\"\\${true}\"");
        repository.createDeployment().name("benchmark-raw").addString("dispute-mediation-raw.bpmn", xml).deploy();
    }

    private static final Map<String, Object> RAW_START;

    static {
        Map<String, Object> vars = new LinkedHashMap<>();
        String far = "2099-01-01T00:00:00.000+0800";
        for (String v : List.of("triageGroups", "orgAdminGroups", "orgStaffGroups", "visitorGroups", "supervisorGroups",
                "archiveGroups")) {
            vars.put(v, Map.of("value", "camunda-admin", "type", "String"));
        }
        vars.put("presidingMediatorId", Map.of("value", "mediator1", "type", "String"));
        vars.put("mediatorUsers", Map.of("value", "mediator1", "type", "String"));
        for (String v : List.of("acceptanceDueAt", "mediationDueAt", "mediationWarningAt", "performanceDueAt",
                "courtReviewDueAt")) {
            vars.put(v, Map.of("value", far, "type", "Date"));
        }
        vars.put("route", Map.of("value", "", "type", "String"));
        vars.put("caseId", Map.of("value", "raw", "type", "String"));
        RAW_START = Map.of("variables", vars);
    }

    private void rawLifecycle() throws IOException, InterruptedException {
        HttpResponse<String> started = send("POST", "admin",
                engineRest + "/process-definition/key/dispute-mediation-raw/start", RAW_START);
        String pid = JSON.readTree(started.body()).path("id").asText();
        for (String route : List.of("DESIGNATE", "AGREED", "", "CONTINUE", "AGREEMENT", "VISIT", "CLOSED")) {
            JsonNode tasks = JSON.readTree(send("GET", "admin", engineRest + "/task?processInstanceId=" + pid, null).body());
            if (tasks.size() != 1) {
                throw new IllegalStateException("raw lifecycle before route '" + route + "': tasks " + tasks
                        + " (start answered " + started.statusCode() + " " + started.body() + ")");
            }
            String taskId = tasks.get(0).path("id").asText();
            HttpResponse<String> done = send("POST", "admin", engineRest + "/task/" + taskId + "/complete",
                    Map.of("variables", Map.of("route", Map.of("value", route, "type", "String"))));
            if (done.statusCode() >= 300) {
                throw new IllegalStateException("raw complete → " + done.statusCode() + " " + done.body());
            }
        }
    }

    // --- load -----------------------------------------------------------------------------------

    private double maxThroughput() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger completed = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(THROUGHPUT_SECONDS);
        Map<String, List<Long>> ignored = new ConcurrentHashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    facadeLifecycle(ignored);
                    completed.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(THROUGHPUT_SECONDS + 120, TimeUnit.SECONDS);
        return completed.get() / (double) THROUGHPUT_SECONDS;
    }

    /** Open-loop load: lifecycles start at a fixed rate whatever the response times. */
    private int fixedLoad(double lifecyclesPerSecond, Map<String, List<Long>> latencies) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newCachedThreadPool();
        AtomicLong started = new AtomicLong();
        long periodMicros = (long) (1_000_000 / Math.max(0.5, lifecyclesPerSecond));
        clock.scheduleAtFixedRate(() -> {
            started.incrementAndGet();
            workers.submit(() -> {
                facadeLifecycle(latencies);
                return null;
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(LATENCY_SECONDS));
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        return (int) started.get();
    }

    /** Every garbage-collection pause of this JVM between start and stop, from the collectors' notifications. */
    static final class GcPauses implements javax.management.NotificationListener {
        private final List<Long> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();

        static GcPauses start() {
            GcPauses gc = new GcPauses();
            for (java.lang.management.GarbageCollectorMXBean bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(gc, null, null);
                    gc.emitters.add(emitter);
                }
            }
            return gc;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                        .from((javax.management.openmbean.CompositeData) n.getUserData());
                pauses.add(info.getGcInfo().getDuration());
            }
        }

        void stop() {
            for (javax.management.NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            }
        }

        int count() {
            return pauses.size();
        }

        long totalMs() {
            return pauses.stream().mapToLong(Long::longValue).sum();
        }

        long longestMs() {
            return pauses.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private HttpResponse<String> send(String method, String user, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
