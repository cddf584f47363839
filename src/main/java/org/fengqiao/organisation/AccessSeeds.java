package org.fengqiao.organisation;

import org.fengqiao.shared.StartupStep;
import org.fengqiao.shared.process.OncePerDatabase;
import org.fengqiao.shared.process.SupervisorTaskReading;
import org.fengqiao.shared.process.TaskCardVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's authorizations in step with the role matrix ({@code seeds/reference/roles.yml})
 * and seeds the Tasklist's saved filters, idempotently through {@link AuthorizationService} and
 * {@link FilterService}. Runs after the role groups exist (OrganisationSeeds, order 10) in every
 * profile: authorizations are reference data, not demo data.
 *
 * <p>What is deliberately <em>not</em> granted: READ or READ_TASK on tasks and process definitions
 * for any role. A user sees a task only through the engine's default task authorizations, created
 * when the process names them candidate user, member of a candidate group or assignee. Nobody but
 * admins holds CREATE_INSTANCE except for the start forms listed in roles.yml, whose start listeners
 * register or request through the domain with the REST facade's checks.
 */
@Component
@Order(15)
class AccessSeeds implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(AccessSeeds.class);

    private final RoleMatrix matrix;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService management;

    /**
     * The engine property (ACT_GE_PROPERTY) saying that the open tasks of this database have had their
     * supervision links and Chinese card names given once; tasks created since get both when created.
     */
    static final String TASK_LINKS_DONE = "fengqiao.open-task-links";

    AccessSeeds(RoleMatrix matrix, AuthorizationService authorizations, FilterService filters, TaskService tasks,
                ProcessEngineConfigurationImpl engine, ManagementService management) {
        this.matrix = matrix;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.engine = engine;
        this.management = management;
    }

    @Override
    public void run() {
        if (!engine.isAuthorizationEnabled()) {
            log.warn("Camunda authorization is disabled: the Tasklist and /engine-rest show every task to everyone");
        }
        List<String> groups = new ArrayList<>();
        int grants = 0;
        for (RoleMatrix.RoleEntry role : matrix.roles()) {
            if (role.group().equals(Role.ADMIN.groupId())) {
                continue; // camunda-admin is an admin group of the engine: every permission, no grants needed
            }
            groups.add(role.group());
            Set<String> webapps = new LinkedHashSet<>(matrix.everyone().webapps());
            webapps.addAll(role.webapps());
            for (String app : webapps) {
                grant(role.group(), Resources.APPLICATION, app, List.of("ACCESS"));
                grants++;
            }
            List<RoleMatrix.EngineGrant> engineGrants = new ArrayList<>(matrix.everyone().engine());
            engineGrants.addAll(role.engine());
            for (RoleMatrix.EngineGrant g : engineGrants) {
                grant(role.group(), resource(g.resource()), g.resourceId(), g.permissions());
                grants++;
            }
        }
        int seeded = seedFilters(groups);
        int backfilled = backfillTaskAuthorizations();
        int followed = engine.isAuthorizationEnabled() ? linkOpenTasksOnce() : 0;
        log.info("Access seeded: {} authorizations for {} role groups, {} Tasklist filters{}{}", grants, groups.size(),
                seeded, backfilled == 0 ? "" : ", task authorizations for " + backfilled + " open tasks",
                followed == 0 ? "" : ", supervisors linked to " + followed + " open tasks");
    }

    /** A task created before its card variables had their Chinese names gets them ({@link TaskCardVariables}). */
    private void copyCard(String taskId) {
        Map<String, Object> local = tasks.getVariablesLocal(taskId);
        if (local.containsKey(TaskCardVariables.CARD.get("caseNo")) || tasks.getVariable(taskId, "caseNo") == null) {
            return;
        }
        Map<String, Object> card = new LinkedHashMap<>();
        TaskCardVariables.CARD.forEach((processName, cardName) -> card.put(cardName, tasks.getVariable(taskId, processName)));
        tasks.setVariablesLocal(taskId, card);
    }

    /**
     * Once per database, in one transaction with the property that records it: a database carried over
     * has open tasks created before 督办员 could follow them and before the cards had Chinese names. Every
     * later start skips this walk over all open tasks (several queries each).
     */
    private int linkOpenTasksOnce() {
        return OncePerDatabase.run(management, TASK_LINKS_DONE,
                () -> engine.getCommandExecutorTxRequired().execute(context -> {
                    int linked = linkSupervisors();
                    OncePerDatabase.done(management, TASK_LINKS_DONE);
                    return linked;
                }));
    }

    /**
     * Open tasks created before 督办员 could follow them ({@link SupervisorTaskReading}) get their
     * supervision links now, so that a database carried over keeps its overdue steps visible to them.
     */
    private int linkSupervisors() {
        int linked = 0;
        for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().list()) {
            copyCard(task.getId());
            if (!(tasks.getVariable(task.getId(), SupervisorTaskReading.VARIABLE) instanceof String names) || names.isBlank()) {
                continue;
            }
            Set<String> present = new LinkedHashSet<>();
            for (org.camunda.bpm.engine.task.IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (SupervisorTaskReading.LINK_TYPE.equals(link.getType())) {
                    present.add(link.getGroupId());
                }
            }
            boolean added = false;
            for (String group : names.split(",")) {
                if (!group.isBlank() && present.add(group.trim())) {
                    tasks.addGroupIdentityLink(task.getId(), group.trim(), SupervisorTaskReading.LINK_TYPE);
                    added = true;
                }
            }
            linked += added ? 1 : 0;
        }
        return linked;
    }

    /**
     * A database whose tasks were created while authorization was off has no task authorizations,
     * so its Tasklist would be empty. Once, when no single task has an authorization yet, grant each open
     * task's assignee and candidates what the engine's default provider grants a new task
     * (READ and UPDATE).
     */
    private int backfillTaskAuthorizations() {
        // (the admin group's grant on every task, resource id "*", does not count)
        if (!engine.isAuthorizationEnabled() || authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .listPage(0, 10).stream().anyMatch(a -> !Authorization.ANY.equals(a.getResourceId()))) {
            return 0;
        }
        // one transaction: all open tasks or none, so that a failed start is retried on the next
        return engine.getCommandExecutorTxRequired().execute(context -> backfillOpenTasks());
    }

    private int backfillOpenTasks() {
        int count = 0;
        for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().list()) {
            Set<String> users = new LinkedHashSet<>();
            Set<String> groupIds = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
            }
            for (org.camunda.bpm.engine.task.IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getUserId() != null) {
                        users.add(link.getUserId());
                    }
                    if (link.getGroupId() != null) {
                        groupIds.add(link.getGroupId());
                    }
                }
            }
            users.forEach(u -> grantTask(task.getId(), u, null));
            groupIds.forEach(g -> grantTask(task.getId(), null, g));
            count++;
        }
        return count;
    }

    private void grantTask(String taskId, String userId, String groupId) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setUserId(userId);
        auth.setGroupId(groupId);
        auth.setResource(Resources.TASK);
        auth.setResourceId(taskId);
        auth.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        auth.addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
        authorizations.saveAuthorization(auth);
    }

    /** Grants exactly {@code permissionNames} (added to what the group already holds there). */
    private void grant(String groupId, Resource resource, String resourceId, List<String> permissionNames) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean changed = existing == null;
        if (existing == null) {
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        for (String name : permissionNames) {
            Permission permission = engine.getPermissionProvider().getPermissionForName(name, resource.resourceType());
            if (!auth.isPermissionGranted(permission)) {
                auth.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
        }
    }

    private static Resource resource(String name) {
        return Resources.valueOf(name);
    }

    private int seedFilters(List<String> groups) {
        filters.createFilterQuery().filterName(TasklistFilters.RETIRED_ALL_TASKS).list()
                .forEach(f -> filters.deleteFilter(f.getId()));
        for (TasklistFilters.Definition d : TasklistFilters.ALL) {
            List<Filter> found = filters.createFilterQuery().filterResourceType("Task").filterName(d.name()).list();
            Filter filter = found.isEmpty() ? filters.newTaskFilter(d.name()) : found.get(0);
            filter.setQuery(d.query().apply(tasks));
            Map<String, Object> properties = new LinkedHashMap<>(TasklistFilters.properties(d));
            filter.setProperties(properties);
            filters.saveFilter(filter);
            for (String group : groups) {
                grant(group, Resources.FILTER, filter.getId(), List.of("READ"));
            }
        }
        return TasklistFilters.ALL.size();
    }
}
