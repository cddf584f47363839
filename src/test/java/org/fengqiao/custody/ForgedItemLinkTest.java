package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11 for custody: an item's process acts on its own item (the business key), whatever its
 * {@code itemId} variable says — a forged link never hands over, inspects or records anything on
 * another item, through the REST facade or a Tasklist completion.
 */
@FengqiaoTest
class ForgedItemLinkTest extends CustodyApiSupport {

    @Autowired MockMvc mvc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired PropertyItems propertyItems;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    private String intakeOf(String itemId) {
        // the intake is keyed by the item's 财物编号
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(propertyItems.itemNoOf(itemId).orElseThrow())
                .processDefinitionKey("property-intake").singleResult();
        assertThat(pi).isNotNull();
        return pi.getId();
    }

    private String state(String itemId) throws Exception {
        JsonNode item = read(getAs("admin", "/api/property-items/" + itemId));
        JsonNode ledger = read(getAs("admin", "/api/property-items/" + itemId + "/ledger"));
        return item.path("status").asText() + "/" + item.path("updatedAt").asText() + "/" + ledger.size();
    }

    @Test
    @DisplayName("a forged itemId variable: the hand-over (REST or Tasklist) acts on the own item only")
    void forgedItemId() throws Exception {
        String caseId = openPoliceCase();
        List<JsonNode> items = register("officer1", caseId, "DOCUMENT", "DOCUMENT", "DOCUMENT");
        String victim = items.get(0).get("id").asText();
        String viaRest = items.get(1).get("id").asText();
        String viaTasklist = items.get(2).get("id").asText();
        String before = state(victim);

        // as if a door had let the write through
        runtimeService.setVariable(intakeOf(viaRest), "itemId", victim);
        runtimeService.setVariable(intakeOf(viaRest), "smuggled", "x");
        runtimeService.setVariable(intakeOf(viaTasklist), "itemId", victim);

        JsonNode handedOver = act("officer1", viaRest, "handover", "{\"centreId\":\"rz-custody\"}");
        assertThat(handedOver.path("id").asText()).isEqualTo(viaRest);
        assertThat(handedOver.path("status").asText()).isNotEqualTo("PENDING_HANDOVER");
        assertThat(state(victim)).isEqualTo(before);

        Task task = taskService.createTaskQuery().processInstanceId(intakeOf(viaTasklist)).singleResult();
        identityService.setAuthentication("officer1", List.of("officer", "rz-police-xz-officer"));
        Map<String, Object> form = new HashMap<>();
        form.put("centreId", "rz-custody");
        form.put("itemId", victim);
        taskService.complete(task.getId(), form);
        identityService.clearAuthentication();

        assertThat(read(getAs("admin", "/api/property-items/" + viaTasklist)).path("status").asText())
                .isNotEqualTo("PENDING_HANDOVER");
        assertThat(state(victim)).isEqualTo(before);
        assertThat(runtimeService.getVariable(intakeOf(viaRest), "smuggled")).isNull();
    }
}
