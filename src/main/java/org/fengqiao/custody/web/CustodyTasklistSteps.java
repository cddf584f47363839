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
        if (CustodyProcesses.INVENTORY.equals(ref.processKey()) || CustodyProcesses.JUDGMENT_DELIVERY.equals(ref.processKey())) {
            // a step of an inventory or of a case (its id is the business key), not of one item: no item context
            if (CustodyProcesses.INVENTORY.equals(ref.processKey()) && fields.contains("foundItemNos")) {
                CustodyInventory inventory = management.inventory(ref.subjectId());
                options.put("foundItemNos", items.findAll(inventory.expectedItemIds()).stream()
                        .map(i -> new Option(i.itemNo(), i.itemNo() + " " + i.name()
                                + (i.location() == null ? "" : "（" + i.location() + "）"), Map.of()))
                        .toList());
            }
            return Optional.of(new Step(ref.formId(), forms.formJson(ref.formId()), null, null, options, defaults));
        }
        PropertyItem item = items.find(ref.subjectId()).orElse(null);
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
            List<org.fengqiao.custody.Zone> fitting = zones.all().stream()
                    .filter(z -> item.category() != PropertyCategory.DANGEROUS || z.type() == ZoneType.HAZARDOUS).toList();
            options.put("zoneId", fitting.stream().map(z -> new Option(z.id(), z.name(), Map.of())).toList());
            if (fields.contains("location")) {
                // the zone's shelf positions: the form offers those of the zone chosen above
                options.put("location", fitting.stream().flatMap(z -> z.locations().stream()
                        .map(l -> new Option(l, l, Map.of("zoneId", z.id())))).toList());
            }
        }
        if (fields.contains("executedBy")) {
            options.put("executedBy", colleagues(caller));
            defaults.put("executedBy", caller.userId());
        }
        return Optional.of(new Step(ref.formId(), forms.formJson(ref.formId()), "/api/property-items/" + item.id(),
                item.itemNo(), options, defaults));
    }

    /**
     * The start form of an item request: its 财物 picker offers the items the caller sees and may make this request
     * for now (the API's {@code allowedActions}: role, agency, the item's status), newest first, as 财物编号 名称（案号）;
     * the agencies a transfer goes to or a remote display is requested by are picked by name.
     */
    private Step requestForm(CustodyProcesses.Request request, Caller caller) {
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, PropertyCase> caseById = new java.util.HashMap<>();
        List<Option> offered = new ArrayList<>();
        for (PropertyItem item : candidates(caller)) {
            if (offered.size() >= ITEM_CHOICES) {
                break;
            }
            if (!access.stateAllows(item, request.action())
                    || !access.allowedActions(caller, item).contains(request.action())) {
                continue;
            }
            PropertyCase propertyCase = caseById.computeIfAbsent(item.caseId(), id -> cases.find(id).orElse(null));
            offered.add(new Option(item.id(), item.itemNo() + " " + item.name()
                    + (propertyCase == null ? "" : "（" + propertyCase.agencyCaseNo() + "）"), Map.of()));
        }
        options.put(CustodyProcesses.ITEM_ID, offered);
        Set<String> fields = forms.fieldsOf(request.formId());
        for (String agencyField : List.of("toAgencyId", "requestingAgencyId")) {
            if (fields.contains(agencyField)) {
                options.put(agencyField, organisations.all().stream().filter(o -> AGENCIES.contains(o.type()))
                        .map(o -> new Option(o.id(), o.name(), Map.of())).toList());
            }
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (offered.size() == 1) {
            defaults.put(CustodyProcesses.ITEM_ID, offered.get(0).value());
        }
        return new Step(request.formId(), forms.formJson(request.formId()), null, null, options, defaults);
    }

    /** Agencies that hold, receive or ask to see property (not departments, custody centres or mediators). */
    private static final Set<OrganisationType> AGENCIES = Set.of(OrganisationType.POLICE, OrganisationType.PROCURATORATE,
            OrganisationType.COURT, OrganisationType.DISCIPLINE_SUPERVISION, OrganisationType.ADMINISTRATIVE_ORGAN);

    /** The most items an item request's picker offers. */
    private static final int ITEM_CHOICES = 200;

    /** The items the caller sees (custodians: all; others: their agencies', not other agencies' 专区), newest first. */
    private List<PropertyItem> candidates(Caller caller) {
        List<PropertyItem> seen = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            PropertyItems.Page result = items.page(null, null, access.visibleScopes(caller),
                    access.hiddenZones(caller), page, 200);
            seen.addAll(result.items());
            if ((long) (page + 1) * 200 >= result.total()) {
                break;
            }
        }
        return seen;
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
        CustodyProcesses.Request request = CustodyProcesses.REQUESTS.get(processKey);
        if (request != null) {
            return Optional.of(requestForm(request, caller));
        }
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
