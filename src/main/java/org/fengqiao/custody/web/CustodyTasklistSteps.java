package org.fengqiao.custody.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyInventory;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.PropertyCase;
import org.fengqiao.custody.PropertyCases;
import org.fengqiao.custody.PropertyCategory;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.custody.ZoneType;
import org.fengqiao.custody.Zones;
import org.fengqiao.custody.process.CustodyProcessGateway;
import org.fengqiao.custody.process.CustodyProcesses;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.TasklistSteps;
import org.springframework.stereotype.Component;

/**
 * The custody steps for the Tasklist's embedded form: the step's Camunda Form, the item in
 * {@code /api/property-items/{id}} (summary and history tabs), and pickers instead of codes — the
 * custody centres an item is handed to, the zones that may take it, the colleagues who execute a
 * disposal, the items an inventory expects, and for the registration start form the cases of the
 * caller's agency and their officers who sealed the item.
 */
@Component
class CustodyTasklistSteps implements TasklistSteps {

    /** The most cases the registration form offers (newest first). */
    private static final int CASE_CHOICES = 200;

    private final CustodyProcessGateway process;
    private final CustodyManagement management;
    private final PropertyItems items;
    private final PropertyCases cases;
    private final Zones zones;
    private final CustodyAccess access;
    private final OrganisationDirectory organisations;
    private final StepForms forms;

    CustodyTasklistSteps(CustodyProcessGateway process, CustodyManagement management, PropertyItems items,
                         PropertyCases cases, Zones zones, CustodyAccess access, OrganisationDirectory organisations,
                         StepForms forms) {
        this.process = process;
        this.management = management;
        this.items = items;
        this.cases = cases;
        this.zones = zones;
        this.access = access;
        this.organisations = organisations;
        this.forms = forms;
    }

    @Override
    public Optional<Step> task(String taskId, Caller caller) {
        Optional<CustodyProcessGateway.TaskRef> found = process.visibleTask(taskId, caller);
        if (found.isEmpty() || found.get().formId() == null) {
            return Optional.empty();
        }
        CustodyProcessGateway.TaskRef ref = found.get();
        Set<String> fields = forms.fieldsOf(ref.formId());
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (CustodyProcesses.INVENTORY.equals(ref.processKey())) {
            CustodyInventory inventory = management.inventory(ref.businessKey());
            if (fields.contains("foundItemNos")) {
                options.put("foundItemNos", items.findAll(inventory.expectedItemIds()).stream()
                        .map(i -> new Option(i.itemNo(), i.itemNo() + " " + i.name()
                                + (i.location() == null ? "" : "（" + i.location() + "）"), Map.of()))
                        .toList());
            }
            return Optional.of(new Step(ref.formId(), forms.formJson(ref.formId()), null, null, options, defaults));
        }
        if (CustodyProcesses.JUDGMENT_DELIVERY.equals(ref.processKey())) {
            // a step of the case (its business key), not of one item: the form alone
            return Optional.of(new Step(ref.formId(), forms.formJson(ref.formId()), null, null, options, defaults));
        }
        PropertyItem item = items.find(ref.businessKey()).orElse(null);
        if (item == null) {
            return Optional.empty();
        }
        if (fields.contains("centreId")) {
            List<Option> centres = organisations.all().stream().filter(o -> o.type() == OrganisationType.CUSTODY_CENTRE)
                    .map(o -> new Option(o.id(), o.name(), Map.of())).toList();
            options.put("centreId", centres);
            if (!centres.isEmpty()) {
                defaults.put("centreId", centres.get(0).value());
            }
        }
        if (fields.contains("zoneId")) {
            options.put("zoneId", zones.all().stream()
                    .filter(z -> item.category() != PropertyCategory.DANGEROUS || z.type() == ZoneType.HAZARDOUS)
                    .map(z -> new Option(z.id(), z.name(), Map.of())).toList());
        }
        if (fields.contains("executedBy")) {
            options.put("executedBy", colleagues(caller));
            defaults.put("executedBy", caller.userId());
        }
        return Optional.of(new Step(ref.formId(), forms.formJson(ref.formId()), "/api/property-items/" + item.id(),
                item.itemNo(), options, defaults));
    }

    /** The caller and the people of the caller's organisations (a disposal's executors). */
    private List<Option> colleagues(Caller caller) {
        Set<String> users = new LinkedHashSet<>();
        users.add(caller.userId());
        caller.organisationIds().stream().sorted().forEach(o -> users.addAll(organisations.membersOf(o)));
        return users.stream().map(u -> new Option(u, nameOf(u), Map.of())).toList();
    }

    private String nameOf(String userId) {
        String name = organisations.displayName(userId);
        return name == null || name.equals(userId) ? userId : name;
    }

    @Override
    public Optional<Step> startForm(String processKey, Caller caller) {
        if (!CustodyProcesses.INTAKE.equals(processKey)) {
            return Optional.empty();
        }
        String form = CustodyProcesses.REGISTRATION_FORM;
        List<PropertyCase> offered = cases.ofScopes(caller.isAdmin() ? null : access.agenciesOf(caller), CASE_CHOICES);
        List<Option> caseChoices = new ArrayList<>();
        Set<String> officers = new LinkedHashSet<>();
        for (PropertyCase c : offered) {
            caseChoices.add(new Option(c.id(), c.agencyCaseNo() + " " + c.caseName(), Map.of()));
            officers.addAll(c.officerIds());
        }
        Map<String, List<Option>> options = new LinkedHashMap<>();
        options.put("caseId", caseChoices);
        options.put("sealedBy", officers.stream().map(u -> new Option(u, nameOf(u), Map.of())).toList());
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (caseChoices.size() == 1) {
            defaults.put("caseId", caseChoices.get(0).value());
        }
        defaults.put("measure", "SEIZE");
        defaults.put("unit", "件");
        return Optional.of(new Step(form, forms.formJson(form), null, null, options, defaults));
    }
}
