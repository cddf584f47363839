package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.FlowRecorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every sequence flow of {@code dispute-mediation} is taken by at least one dispute test. The
 * flows are recorded by {@link FlowRecorder} as the engine takes them; the check runs when
 * the whole test run ends (JUnit closes the root store), and only if all dispute test classes ran
 * in this JVM — a run of a single class (-Dtest=OneClass) skips it unless -Ddispute.flowCoverage=force.
 */
@FengqiaoTest
@ExtendWith(DisputeModelCoverageTest.CheckAtEndOfRun.class)
class DisputeModelCoverageTest {

    static final String PROCESS_KEY = "dispute-mediation";

    static final List<String> SUITE = List.of("DisputeLifecycleApiTest", "DisputePathsApiTest", "DisputeTimersTest",
            "DisputeTasklistDoorTest", "DisputeApiProblemsTest", "DisputeCourtDecisionTest", "DisputeLegalLimitsTest",
            "DisputeLegalPreconditionsTest", "DisputeWithdrawalAndRiskTest");

    @Autowired RepositoryService repositoryService;

    @Test
    @DisplayName("the recorder sees every sequence flow of the deployed model")
    void recorderKnowsTheModel() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
        Set<String> modelled = new TreeSet<>();
        model.getModelElementsByType(SequenceFlow.class).forEach(flow -> modelled.add(flow.getId()));
        assertThat(modelled).isNotEmpty();
        assertThat(FlowRecorder.all(PROCESS_KEY)).containsExactlyInAnyOrderElementsOf(modelled);
    }

    static Set<String> untaken() {
        Set<String> missing = new TreeSet<>(FlowRecorder.all(PROCESS_KEY));
        missing.removeAll(FlowRecorder.taken(PROCESS_KEY));
        return missing;
    }

    /** Registers the end-of-run check in the root store, which JUnit closes after the last test class. */
    static class CheckAtEndOfRun implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(DisputeModelCoverageTest.class))
                    .getOrComputeIfAbsent("flow-coverage", key -> (ExtensionContext.Store.CloseableResource) () -> {
                        boolean forced = "force".equals(System.getProperty("dispute.flowCoverage"));
                        if (!forced && !DisputeFixtures.USED_BY.containsAll(SUITE)) {
                            System.out.println("[flow coverage] skipped: only " + DisputeFixtures.USED_BY + " ran");
                            return;
                        }
                        Set<String> missing = untaken();
                        System.out.println("[flow coverage] " + FlowRecorder.taken(PROCESS_KEY).size() + "/"
                                + FlowRecorder.all(PROCESS_KEY).size() + " sequence flows of dispute-mediation taken");
                        if (!missing.isEmpty()) {
                            throw new AssertionError("sequence flows of dispute-mediation no test took: " + missing);
                        }
                    });
        }
    }
}
