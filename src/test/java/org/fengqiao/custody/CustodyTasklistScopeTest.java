package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 纪委监委 item is invisible to the police in both doors: 404 through the API, and none of its
 * tasks in the Tasklist (TaskService and the seeded filters, as that user, authorization on).
 */
@FengqiaoTest
class CustodyTasklistScopeTest extends CustodyApiSupport {

    @Autowired MockMvc mvc;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired PropertyItems items;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    private <T> T as(String user, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private long tasksOf(String user, String itemId) {
        // an item's instances are keyed by its 财物编号
        String itemNo = items.itemNoOf(itemId).orElseThrow();
        return as(user, () -> taskService.createTaskQuery().processInstanceBusinessKey(itemNo).count());
    }

    private List<String> filteredItems(String user) {
        return as(user, () -> filterService.createFilterQuery().list().stream()
                .flatMap(filter -> filterService.<Task>list(filter.getId()).stream())
                .map(t -> (String) taskService.getVariable(t.getId(), "itemId")).toList());
    }

    @Test
    @DisplayName("专区 item: police get 404 and see none of its tasks; 纪委监委 and custodians do")
    void restrictedItemIsInvisibleToPolice() throws Exception {
        String caseId = openCase("ccdi", "rz-ccdi", List.of("ccdi", "ccdi2"));
        String id = register("ccdi", caseId, "VALUABLE").get(0).get("id").asText();

        assertThat(tasksOf("ccdi", id)).as("ccdi's hand-over task").isEqualTo(1);
        String itemNo = items.itemNoOf(id).orElseThrow();
        Task handover = as("ccdi", () -> taskService.createTaskQuery().processInstanceBusinessKey(itemNo).singleResult());
        assertThat(handover.getDueDate()).as("hand-over deadline as due date").isNotNull();
        assertThat(tasksOf("officer1", id)).isZero();
        assertThat(tasksOf("depthead", id)).isZero();
        getAs("officer1", "/api/property-items/" + id).andExpect(status().isNotFound());

        act("ccdi", id, "handover", "{\"centreId\":\"rz-custody\"}");
        assertThat(tasksOf("custodian", id)).as("custodian's inspection task").isEqualTo(1);
        assertThat(tasksOf("officer1", id)).isZero();
        assertThat(tasksOf("ccdi", id)).as("inspection is the custodians' step").isZero();

        act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ccdi\",\"location\":\"Z-03\"}");
        getAs("officer1", "/api/property-items/" + id).andExpect(status().isNotFound());
        getAs("ccdi", "/api/property-items/" + id).andExpect(status().isOk());
        assertThat(filteredItems("officer1")).doesNotContain(id);
        assertThat(filteredItems("officer2")).doesNotContain(id);
    }
}
