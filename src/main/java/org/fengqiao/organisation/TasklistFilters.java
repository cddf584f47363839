package org.fengqiao.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.fengqiao.shared.process.TaskCardVariables;

/**
 * The Tasklist's saved filters, the same four for every role. They need not differ per role: the
 * engine shows a user only the tasks they hold a task authorization for (candidate or assignee),
 * so 本组待办 of a mediator and of a custodian are different lists from one filter.
 */
final class TasklistFilters {

    /** The filter Camunda's starter used to create ({@code camunda.bpm.filter.create}); removed at start. */
    static final String RETIRED_ALL_TASKS = "全部任务";

    record Definition(String name, String description, int priority, String color,
                      Function<TaskService, TaskQuery> query) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("我的待办", "由我办理的任务，按到期日排序", -20, "#2f6db5",
                    tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                            .orderByDueDate().asc().orderByTaskCreateTime().asc()),
            // a candidate user query also finds the tasks offered to the user's groups: so the list holds what my
            // groups may claim and what is offered to me by name (a custody item's hand-over goes to the case's officers)
            new Definition("本组待办", "我所在组（本组织的角色组）或我本人可认领的任务", -10, "#3a8a3a",
                    tasks -> tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                            .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc()),
            new Definition("即将超期", "3 日内到期、尚未超期的任务", 0, "#d08a00",
                    tasks -> tasks.createTaskQuery().dueAfterExpression("${now()}")
                            .dueBeforeExpression("${dateTime().plusDays(3).toDate()}").orderByDueDate().asc()),
            new Definition("已超期", "到期日已过仍未办结的任务", 10, "#c0392b",
                    tasks -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()));

    /** Filter properties the Tasklist reads: order, colour, refresh and the case columns shown. */
    static Map<String, Object> properties(Definition d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("description", d.description());
        p.put("priority", d.priority());
        p.put("color", d.color());
        p.put("refresh", true);
        p.put("showUndefinedVariable", false);
        // the card's variables by their Chinese names (TaskCardVariables), a custody item's number and name first
        p.put("variables", TaskCardVariables.CARD.values().stream().map(name -> Map.of("name", name, "label", name)).toList());
        return p;
    }

    private TasklistFilters() {
    }
}
