package org.fengqiao.custody.process;

import static org.fengqiao.custody.process.CustodyProcesses.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.fengqiao.custody.CustodyInventory;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.ItemStatus;
import org.fengqiao.custody.NewPropertyItem;
import org.fengqiao.custody.PropertyCase;
import org.fengqiao.custody.PropertyCases;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.shared.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The REST door: checks visibility, role and state first (404, 403, 409 in the contract's order),
 * then starts the operation's process or completes its open user task through the gateway, all in
 * one transaction, and answers the item as it stands after every automatic step.
 */
@Service
public class CustodyWorkflow {

    /** Actions that start a process, and the process each starts. */
    private static final Map<String, String> STARTS = Map.of("loan-request", LOAN, "transfer", TRANSFER,
            "remote-display", REMOTE_DISPLAY, "disposal-request", DISPOSAL, "refund", REFUND,
            "handover-deferral", HANDOVER_DEFERRAL, "loan-extension", LOAN_EXTENSION,
            "measure-extension", MEASURE_EXTENSION, "handover-disposal", HANDOVER_DISPOSAL,
            "measure-appraisal", MEASURE_APPRAISAL);

    /** Actions that complete a user task, and the task. */
    private static final Map<String, String> TASKS = Map.of("handover", TASK_HAND_OVER,
            "inspection", TASK_INSPECT_HANDOVER, "loan-approval", TASK_APPROVE_LOAN, "loan-return", TASK_INSPECT_RETURN,
            "transfer-receipt", TASK_RECEIVE_TRANSFER, "disposal-approval", TASK_APPROVE_DISPOSAL,
            "disposal-execution", TASK_EXECUTE_DISPOSAL);

    private final CustodyManagement management;
    private final CustodyProcessGateway gateway;
    private final PropertyItems items;
    private final PropertyCases cases;
    private final CustodyCards cards;

    CustodyWorkflow(CustodyManagement management, CustodyProcessGateway gateway, PropertyItems items,
                    PropertyCases cases, CustodyCards cards) {
        this.cards = cards;
        this.management = management;
        this.gateway = gateway;
        this.items = items;
        this.cases = cases;
    }

    /** Registers items and starts one {@code property-intake} per item. */
    @Transactional
    public List<PropertyItem> register(Caller caller, String caseId, List<NewPropertyItem> commands) {
        List<PropertyItem> created = management.registerItems(caller, caseId, commands);
        PropertyCase propertyCase = cases.find(caseId).orElseThrow();
        for (PropertyItem item : created) {
            gateway.start(INTAKE, item.id(), intakeVariables(item, propertyCase), caller);
            startMeasurePeriod(item, caller);
        }
        return created.stream().map(i -> items.find(i.id()).orElseThrow()).toList();
    }

    /**
     * The Tasklist's door to the same registration (the start form of {@code property-intake}):
     * registers one item with the checks of {@code POST /api/property-cases/{id}/items} and starts its
     * measure period; the caller's own instance becomes the item's intake (the start listener sets
     * {@link #intakeVariables} and the business key).
     */
    @Transactional
    public PropertyItem registerStarted(Caller caller, String caseId, NewPropertyItem command) {
        PropertyItem item = management.registerItems(caller, caseId, java.util.Collections.singletonList(command)).get(0);
        startMeasurePeriod(item, caller);
        return items.find(item.id()).orElseThrow();
    }

    /** The routing variables of an item's intake, and its card. */
    Map<String, Object> intakeVariables(PropertyItem item, PropertyCase propertyCase) {
        Map<String, Object> variables = new HashMap<>(cards.of(item));
        variables.put(ITEM_ID, item.id());
        variables.put(HELD, item.status() == ItemStatus.PENDING_HANDOVER);
        variables.put(HANDOVER_DUE_AT, CustodyVariables.date(item.handoverDueAt()));
        variables.put(OFFICER_IDS, String.join(",", propertyCase.officerIds()));
        return variables;
    }

    private void startMeasurePeriod(PropertyItem item, Caller caller) {
        if (item.measureDueAt() != null) {
            // C5: the administrative measure's period runs in its own instance
            gateway.start(MEASURE_PERIOD, item.id(), Map.of(ITEM_ID, item.id(),
                    MEASURE_DUE_AT, CustodyVariables.date(item.measureDueAt())), caller);
        }
    }

    public static boolean knows(String action) {
        return STARTS.containsKey(action) || TASKS.containsKey(action);
    }

    @Transactional
    public PropertyItem act(Caller caller, String itemId, String action, Map<String, Object> body) {
        management.checked(caller, itemId, action);
        VariableMap variables = submitted(body);
        if (STARTS.containsKey(action)) {
            variables.putValue(ITEM_ID, itemId);
            gateway.start(STARTS.get(action), itemId, variables, caller);
        } else {
            gateway.complete(itemId, TASKS.get(action), variables, caller);
        }
        return items.find(itemId).orElseThrow();
    }

    /**
     * The body travels as transient variables: the listeners read them within the same command and
     * nothing of the raw submission is stored by the engine (free text may exceed the 4,000
     * characters of a persisted string variable).
     */
    private static VariableMap submitted(Map<String, Object> body) {
        VariableMap variables = Variables.createVariables();
        body.forEach((name, value) -> {
            if (value != null) {
                variables.putValueTyped(name, Variables.untypedValue(value, true));
            }
        });
        return variables;
    }

    /**
     * Records the stage of the proceedings (C17). A criminal case's judgment taking effect
     * ({@code CONCLUDED}) starts {@code property-judgment-delivery}: the court has 10 days to deliver
     * it (C7), the case's officers record its arrival.
     */
    @Transactional
    public PropertyCase changeStage(Caller caller, String caseId, org.fengqiao.custody.ProceedingsStage stage,
                                    String documentNo) {
        PropertyCase changed = management.changeStage(caller, caseId, stage, documentNo);
        if (changed.judgmentDeliveryDueAt() != null && changed.judgmentDeliveredAt() == null
                && gateway.openTask(caseId, TASK_RECORD_JUDGMENT_DELIVERY) == null) {
            gateway.start(JUDGMENT_DELIVERY, caseId, Map.of(CASE_ID, caseId, OFFICER_IDS,
                    String.join(",", changed.officerIds()), JUDGMENT_DELIVERY_DUE_AT,
                    CustodyVariables.date(changed.judgmentDeliveryDueAt())), caller);
        }
        return changed;
    }

    /** C7: the court's judgment arrived; completes the case's open delivery step (409 when there is none). */
    @Transactional
    public PropertyCase recordJudgmentDelivery(Caller caller, String caseId, Map<String, Object> body) {
        PropertyCase propertyCase = management.checkedJudgmentDelivery(caller, caseId);
        gateway.complete(caseId, TASK_RECORD_JUDGMENT_DELIVERY, submitted(body), caller);
        return cases.find(propertyCase.id()).orElseThrow();
    }

    @Transactional
    public CustodyInventory startInventory(Caller caller, String zoneId, String caseId) {
        CustodyInventory inventory = management.startInventory(caller, zoneId, caseId);
        Map<String, Object> variables = new HashMap<>(cards.of(inventory));
        variables.put(INVENTORY_ID, inventory.id());
        gateway.start(INVENTORY, inventory.id(), variables, caller);
        return inventory;
    }

    @Transactional
    public CustodyInventory count(Caller caller, String inventoryId, List<String> foundItemNos) {
        management.inventory(inventoryId);
        Map<String, Object> body = new HashMap<>();
        if (foundItemNos != null) {
            body.put("foundItemNos", String.join(",", foundItemNos));
        }
        gateway.complete(inventoryId, TASK_COUNT_ITEMS, submitted(body), caller);
        return management.inventory(inventoryId);
    }
}
