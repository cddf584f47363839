package org.fengqiao.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses every model under {@code processes/} and checks the conventions of shared/conventions.md:
 * process key = file name (kebab-case), element ids {@code Type_PascalName}, Chinese names on
 * tasks/events/labelled gateways, historyTimeToLive and versionTag, every user task with a form
 * that exists and someone to do it, every element drawn, no dangling flows.
 */
class ModelConventionsTest {

    private static final Path ROOT = Path.of("processes");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> ids = new java.util.HashSet<>();
        for (Path form : files(".form")) {
            JsonNode schema = mapper.readTree(form.toFile());
            assertThat(schema.path("id").asText()).as(form + " id = file name")
                    .isEqualTo(form.getFileName().toString().replace(".form", ""));
            assertThat(schema.path("components").isArray()).as(form.toString()).isTrue();
            for (JsonNode c : schema.path("components")) {
                String label = c.path("label").asText(c.path("dateLabel").asText(c.path("text").asText("")));
                assertThat(HAN.matcher(label).find()).as(form + " component " + c.path("id") + " has a Chinese label").isTrue();
            }
            ids.add(schema.path("id").asText());
        }
        return ids;
    }

    @Test
    void everyProcessFollowsTheConventions() throws IOException {
        List<Path> bpmns = files(".bpmn");
        assertThat(bpmns).isNotEmpty();
        Set<String> forms = formIds();
        List<String> problems = new ArrayList<>();
        for (Path file : bpmns) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            assertThat(processes).as(file.toString()).hasSize(1);
            Process process = processes.iterator().next();
            String fileKey = file.getFileName().toString().replace(".bpmn", "");
            check(problems, process.getId().equals(fileKey), file + ": process key must equal file name " + fileKey);
            check(problems, KEBAB.matcher(process.getId()).matches(), file + ": process key must be kebab-case");
            check(problems, process.getCamundaHistoryTimeToLiveString() != null, file + ": historyTimeToLive missing");
            check(problems, process.getCamundaVersionTag() != null, file + ": versionTag missing");
            check(problems, process.isExecutable(), file + ": not executable");
            Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String id = node.getId();
                check(problems, ID.matcher(id).matches(), file + ": id " + id + " is not Type_PascalName");
                check(problems, drawn.contains(id), file + ": " + id + " has no diagram shape");
                boolean needsName = !(node instanceof org.camunda.bpm.model.bpmn.instance.Gateway)
                        || node.getOutgoing().size() > 1;
                if (needsName) {
                    check(problems, node.getName() != null && HAN.matcher(node.getName()).find(),
                            file + ": " + id + " needs a Chinese name");
                }
                // an event subprocess is started by its event, never by a flow, and ends inside itself
                boolean eventSubProcess = node instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub && sub.triggeredByEvent();
                if (!(node instanceof StartEvent) && !(node instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent)
                        && !eventSubProcess) {
                    check(problems, !node.getIncoming().isEmpty(), file + ": " + id + " has no incoming flow");
                }
                if (!(node instanceof EndEvent) && !eventSubProcess) {
                    check(problems, !node.getOutgoing().isEmpty(), file + ": " + id + " has no outgoing flow");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                // a Camunda Form, or the product's embedded form rendering one (embedded:deployment:<path>/<form-id>.html)
                String formRef = org.fengqiao.shared.process.StepForms.formIdOf(task.getCamundaFormRef(), task.getCamundaFormKey());
                check(problems, formRef != null && forms.contains(formRef),
                        file + ": " + task.getId() + " formRef " + formRef + " is not a form under processes/");
                check(problems, task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null
                        || task.getCamundaCandidateUsers() != null, file + ": " + task.getId() + " has nobody to do it");
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                check(problems, ID.matcher(flow.getId()).matches(), file + ": flow id " + flow.getId());
                if (flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.ExclusiveGateway
                        && flow.getSource().getOutgoing().size() > 1) {
                    check(problems, flow.getConditionExpression() != null, file + ": " + flow.getId() + " leaves a split without condition");
                    check(problems, flow.getName() != null, file + ": " + flow.getId() + " leaves a split without a label");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDecisionFollowsTheConventions() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            String fileKey = file.getFileName().toString().replace(".dmn", "");
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            check(problems, decisions.stream().anyMatch(d -> d.getId().equals(fileKey)), file + ": a decision must be keyed " + fileKey);
            for (Decision d : decisions) {
                check(problems, d.getCamundaHistoryTimeToLiveString() != null, file + ": historyTimeToLive missing on " + d.getId());
                check(problems, d.getVersionTag() != null, file + ": versionTag missing on " + d.getId());
                check(problems, d.getName() != null && HAN.matcher(d.getName()).find(), file + ": Chinese name missing");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

}
