package org.fengqiao.dispute.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.dispute.process.DisputeProcess;
import org.fengqiao.dispute.process.DisputeProcessGateway;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.TasklistSteps;
import org.springframework.stereotype.Component;

/**
 * The dispute's steps for the Tasklist's embedded form: the step's Camunda Form, the case in
 * {@code /api/disputes/{id}}, and pickers instead of codes — the organisations the triage officer
 * may hand the case to (the triage suggestion preselected), the mediators of the case's
 * organisation, the centres the clerk registers for.
 */
@Component
class DisputeTasklistSteps implements TasklistSteps {

    static final String REGISTRATION_FORM = "dispute-registration-form";

    private final DisputeProcessGateway process;
    private final DisputeManagement disputes;
    private final OrganisationDirectory organisations;
    private final StepForms forms;

    DisputeTasklistSteps(DisputeProcessGateway process, DisputeManagement disputes, OrganisationDirectory organisations,
                         StepForms forms) {
        this.process = process;
        this.disputes = disputes;
        this.organisations = organisations;
        this.forms = forms;
    }

    @Override
    public Optional<Step> task(String taskId, Caller caller) {
        Optional<DisputeProcessGateway.TaskRef> ref = process.visibleTask(taskId, caller,
                key -> DisputeProcess.caseIdOfBusinessKey(key, disputes));
        if (ref.isEmpty() || ref.get().formId() == null) {
            return Optional.empty();
        }
        DisputeCase c = disputes.find(ref.get().caseId()).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        var fields = forms.fieldsOf(ref.get().formId());
        if (fields.contains("orgId")) {
            options.put("orgId", mediatingOrganisations(caller));
            if (c.suggestion() != null) {
                if (c.suggestion().orgId() != null) {
                    defaults.put("orgId", c.suggestion().orgId());
                }
                defaults.put("mediationType", c.suggestion().mediationType().name());
                defaults.put("level", c.suggestion().level().name());
                defaults.put("complexity", c.suggestion().complexity().name());
            }
        }
        if (fields.contains(DisputeProcess.ACTION)) {
            // the court's decision step decides unless the liaison chooses the president's extension (D13)
            DisputeProcess.defaultAction(ref.get().taskDefinitionKey()).ifPresent(a -> defaults.put(DisputeProcess.ACTION, a.path()));
        }
        if (c.orgId() != null) {
            List<Option> mediators = organisations.holdersWithin(c.orgId(), Role.MEDIATOR).stream()
                    .map(u -> new Option(u, organisations.displayName(u), Map.of())).toList();
            for (String key : List.of("presidingMediatorId", "mediatorIds")) {
                if (fields.contains(key)) {
                    options.put(key, mediators);
                }
            }
            if (fields.contains("replacementMediatorId")) {
                options.put("replacementMediatorId", mediators.stream().filter(o -> !c.mediatorIds().contains(o.value())).toList());
            }
        }
        return Optional.of(new Step(ref.get().formId(), forms.formJson(ref.get().formId()), "/api/disputes/" + c.id(),
                c.caseNo(), options, defaults));
    }

    @Override
    public Optional<Step> startForm(String processKey, Caller caller) {
        if (!DisputeProcess.KEY.equals(processKey)) {
            return Optional.empty();
        }
        List<Option> centres = new ArrayList<>();
        for (Organisation o : organisations.all()) {
            if (o.type() == OrganisationType.CENTRE && (caller.isAdmin() || organisations.reaches(caller, o.id()))) {
                centres.add(new Option(o.id(), o.name(), Map.of()));
            }
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!centres.isEmpty()) {
            defaults.put("centreId", centres.get(0).value());
        }
        defaults.put("applicantType", "NATURAL");
        defaults.put("respondentType", "NATURAL");
        return Optional.of(new Step(REGISTRATION_FORM, forms.formJson(REGISTRATION_FORM), null, null,
                Map.of("centreId", centres), defaults));
    }

    /** Mediation organisations within the caller's reach, with the level choosing one implies. */
    private List<Option> mediatingOrganisations(Caller caller) {
        var reachable = organisations.reachableBy(caller);
        return organisations.all().stream()
                .filter(o -> o.type().mediates() && (caller.isAdmin() || reachable.contains(o.id())))
                .map(o -> new Option(o.id(), o.name() + "（" + o.level().label() + "）", Map.of("level", o.level().name())))
                .toList();
    }
}
