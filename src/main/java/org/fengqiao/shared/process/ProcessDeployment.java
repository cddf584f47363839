package org.fengqiao.shared.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form under {@code processes/} with resource names relative
 * to that folder (e.g. {@code dispute/dispute-mediation.bpmn}), so the names are the same from an
 * unpacked build and from the jar. Duplicate filtering makes a restart with unchanged models a
 * no-op: no new deployment, no new versions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProcessDeployment implements org.fengqiao.shared.StartupStep {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);
    static final String DEPLOYMENT_NAME = "fengqiao";
    private static final String ROOT = "processes/";
    /**
     * The Tasklist's one embedded form: it renders a step's Camunda Form (fetched from
     * {@code /api/tasklist/...}) with Chinese widgets, pickers, uploads and the case's context.
     */
    static final String STEP_FORM = "tasklist/step-form.html";

    private final RepositoryService repository;

    ProcessDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void run() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + ROOT + "**/*.*");
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("fengqiao")
                .enableDuplicateFiltering(false);
        int count = 0;
        Resource step = new PathMatchingResourcePatternResolver().getResource("classpath:" + STEP_FORM);
        byte[] stepForm = null;
        if (step.exists()) {
            try (InputStream in = step.getInputStream()) {
                stepForm = in.readAllBytes();
            }
        }
        for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(ProcessDeployment::nameOf)).toList()) {
            String name = nameOf(resource);
            if (!(name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
                count++;
            }
            if (name.endsWith(".form") && stepForm != null) {
                // the product's embedded form, once per Camunda Form: embedded:deployment:<path>.html renders <path>.form
                builder.addInputStream(name.substring(0, name.length() - ".form".length()) + ".html",
                        new java.io.ByteArrayInputStream(stepForm));
                count++;
            }
        }
        if (count == 0) {
            log.warn("No process resources found under {}", ROOT);
            return;
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        log.info("Deployed {} process resources (deployment {}, {} new process definitions)", count,
                deployment.getId(), deployment.getDeployedProcessDefinitions() == null ? 0
                        : deployment.getDeployedProcessDefinitions().size());
    }

    private static String nameOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int index = url.lastIndexOf("/" + ROOT);
            return index >= 0 ? url.substring(index + ROOT.length() + 1) : resource.getFilename();
        } catch (IOException e) {
            return resource.getFilename();
        }
    }
}
