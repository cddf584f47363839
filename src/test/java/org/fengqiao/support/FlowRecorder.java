package org.fengqiao.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Test-only engine plugin: records, per process key, every sequence flow the deployed models have
 * and every one the engine takes during the test run, for the model-coverage checks
 * ({@code DisputeModelCoverageTest}, {@code AppealPathsTest}). Records only; it changes no
 * behaviour of the shared context.
 */
@Component
public class FlowRecorder extends AbstractProcessEnginePlugin {

    private static final Map<String, Set<String>> ALL = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

    /** The sequence flows of the model with this key, as parsed at deployment. */
    public static Set<String> all(String processKey) {
        return ALL.computeIfAbsent(processKey, k -> ConcurrentHashMap.newKeySet());
    }

    /** The sequence flows of the model with this key that the engine has taken. */
    public static Set<String> taken(String processKey) {
        return TAKEN.computeIfAbsent(processKey, k -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                if (!(scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition)) {
                    return;
                }
                String id = transition.getId();
                all(definition.getKey()).add(id);
                Set<String> taken = taken(definition.getKey());
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> taken.add(id));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
