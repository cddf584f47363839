package org.fengqiao.appeal;

import java.util.ArrayList;
import java.util.List;
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

/** Test-only engine plugin: records every sequence flow of {@code grid-appeal} the engine takes. */
@Component
class AppealFlowRecorder extends AbstractProcessEnginePlugin {

    static final String KEY = "grid-appeal";
    static final Set<String> ALL = ConcurrentHashMap.newKeySet();
    static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                if (!(scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
                        || !KEY.equals(definition.getKey())) {
                    return;
                }
                String id = transition.getId();
                ALL.add(id);
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> TAKEN.add(id));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
