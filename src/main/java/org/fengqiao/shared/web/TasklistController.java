package org.fengqiao.shared.web;

import java.util.List;

import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.process.TaskWork;
import org.fengqiao.shared.process.TasklistSteps;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/tasklist}: what the Tasklist's embedded form renders for a task or a start form —
 * the step's Camunda Form, the case's address in {@code /api} and the pickers' choices scoped to
 * the caller. A task the caller may not see is a 404, as any case they may not see.
 */
@RestController
@RequestMapping(value = "/api/tasklist", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasklist", description = "任务列表表单")
class TasklistController {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<TasklistSteps> modules;
    private final CurrentCaller currentCaller;
    private final TaskWork work;

    TasklistController(List<TasklistSteps> modules, CurrentCaller currentCaller, TaskWork work) {
        this.modules = modules;
        this.currentCaller = currentCaller;
        this.work = work;
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "The step a task shows: form, case address, picker choices (scoped to the caller), defaults;"
            + " readOnly when the caller may see the task but not work it (a supervisor following an overdue step)")
    TasklistSteps.Step task(@PathVariable String taskId) {
        if (ID.matcher(taskId).matches()) {
            var caller = currentCaller.get();
            for (TasklistSteps module : modules) {
                var step = module.task(taskId, caller);
                if (step.isPresent()) {
                    return step.get().readOnly(!work.mayWork(taskId, caller));
                }
            }
        }
        throw new NotFoundException("任务 (task)", taskId);
    }

    @GetMapping("/start-forms/{processKey}")
    @Operation(summary = "The start form of a process: form and picker choices (scoped to the caller)")
    TasklistSteps.Step startForm(@PathVariable String processKey) {
        if (ID.matcher(processKey).matches()) {
            for (TasklistSteps module : modules) {
                var step = module.startForm(processKey, currentCaller.get());
                if (step.isPresent()) {
                    return step.get();
                }
            }
        }
        throw new NotFoundException("启动表单 (start form)", processKey);
    }
}
