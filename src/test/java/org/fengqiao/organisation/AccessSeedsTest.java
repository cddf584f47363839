package org.fengqiao.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.fengqiao.shared.process.SupervisorTaskReading;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix is data that agrees with the code, and its Camunda authorizations are seeded idempotently. */
@FengqiaoTest
class AccessSeedsTest {

    static final Set<String> DISPUTE_ACTIONS = Set.of("register", "triage", "acceptance", "consent", "mediators",
            "recusal", "sessions", "extension", "escalation", "agreement", "termination", "judicial-confirmation",
            "court-acceptance", "court-extension", "court-decision", "performance", "return-visit", "review", "closure", "archive", "withdrawal",
            "materials-return", "risk-report", "risk-report-delivery");
    static final Set<String> CUSTODY_ACTIONS = Set.of("register", "handover", "inspection", "loan-request",
            "loan-approval", "loan-return", "transfer", "transfer-receipt", "remote-display", "disposal-request",
            "disposal-approval", "disposal-execution", "inventory", "stage", "refund", "handover-deferral", "loan-extension", "measure-extension",
            "handover-disposal", "measure-appraisal", "judgment-delivery");

    @Autowired RoleMatrix matrix;
    @Autowired AccessSeeds seeds;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private boolean may(String user, String app) {
        return authorizations.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS, Resources.APPLICATION, app);
    }

    @Test
    @DisplayName("roles.yml lists every role once, with the contract's action names only")
    void matrixMatchesTheCode() {
        assertThat(matrix.roles()).extracting(RoleMatrix.RoleEntry::group)
                .containsExactlyInAnyOrder(Arrays.stream(Role.values()).map(Role::groupId).toArray(String[]::new));
        for (RoleMatrix.RoleEntry role : matrix.roles()) {
            assertThat(role.label()).as(role.group()).isEqualTo(Role.ofGroup(role.group()).orElseThrow().label());
            assertThat(role.dispute()).extracting(RoleMatrix.ActionGrant::action).allMatch(DISPUTE_ACTIONS::contains);
            assertThat(role.custody()).extracting(RoleMatrix.ActionGrant::action).allMatch(CUSTODY_ACTIONS::contains);
        }
        Set<String> performed = new HashSet<>();
        matrix.roles().stream().filter(r -> !r.group().equals(Role.ADMIN.groupId()))
                .forEach(r -> r.dispute().forEach(g -> performed.add(g.action())));
        assertThat(performed).as("every dispute action has a role besides admin").containsAll(DISPUTE_ACTIONS);
    }

    @Test
    @DisplayName("Tasklist for every role; Cockpit only for supervisor and admin; Admin only for admin")
    void applicationAccess() {
        for (String user : List.of("clerk", "triage", "orgadmin", "mediator1", "visitor", "supervisor", "court",
                "officer1", "depthead", "custodian", "ccdi", "admin")) {
            assertThat(may(user, "tasklist")).as(user + " tasklist").isTrue();
            assertThat(may(user, "cockpit")).as(user + " cockpit").isEqualTo(user.equals("supervisor") || user.equals("admin"));
            assertThat(may(user, "admin")).as(user + " admin").isEqualTo(user.equals("admin"));
        }
        assertThat(authorizations.isUserAuthorized("mediator1", groupsOf("mediator1"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "property-loan")).isFalse();
        assertThat(authorizations.isUserAuthorized("mediator1", groupsOf("mediator1"),
                ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "dispute-mediation")).isFalse();
        // 启动流程 财物登记: the roles that register property start property-intake (its start form)
        for (String user : List.of("officer1", "depthead", "ccdi", "custodian", "agencyhead", "clerk")) {
            boolean registers = List.of("officer1", "depthead", "ccdi").contains(user);
            assertThat(authorizations.isUserAuthorized(user, groupsOf(user), ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, "property-intake")).as(user + " starts property-intake").isEqualTo(registers);
        }
    }

    @Test
    @DisplayName("启动流程 of an item request (调用、移送、处置申请 …): CREATE_INSTANCE for exactly the roles roles.yml lets make the request")
    void itemRequestsStartedByTheRolesThatMakeThem() {
        for (RoleMatrix.RoleEntry role : matrix.roles()) {
            if (role.group().equals(Role.ADMIN.groupId())) {
                continue;
            }
            Set<String> actions = new HashSet<>();
            role.custody().forEach(g -> actions.add(g.action()));
            org.fengqiao.custody.process.CustodyProcesses.REQUESTS.forEach((processKey, request) -> assertThat(
                    authorizations.isUserAuthorized("nobody", List.of(role.group()),
                            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey))
                    .as(role.group() + " starts " + processKey).isEqualTo(actions.contains(request.action())));
            // the processes the system starts itself are nobody's to start
            for (String own : List.of("property-measure-period", "property-judgment-delivery", "property-inventory")) {
                assertThat(authorizations.isUserAuthorized("nobody", List.of(role.group()),
                        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, own))
                        .as(role.group() + " starts " + own).isFalse();
            }
        }
        assertThat(authorizations.isUserAuthorized("custodian", groupsOf("custodian"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "property-loan")).isFalse();
        assertThat(authorizations.isUserAuthorized("officer1", groupsOf("officer1"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "property-disposal")).isTrue();
    }

    @Test
    @DisplayName("启动流程: the roles that report appeals (POST /api/appeals) may start grid-appeal from its start form, no one else")
    void appealReportersStartTheAppealProcess() {
        for (String user : List.of("grid1", "clerk", "triage", "dept1", "admin")) {
            assertThat(authorizations.isUserAuthorized(user, groupsOf(user), ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, "grid-appeal")).as(user).isTrue();
            assertThat(authorizations.isUserAuthorized(user, groupsOf(user), Permissions.CREATE,
                    Resources.PROCESS_INSTANCE, "*")).as(user).isTrue();
        }
        for (String user : List.of("visitor", "mediator1", "orgadmin", "supervisor", "court", "officer1", "custodian")) {
            assertThat(authorizations.isUserAuthorized(user, groupsOf(user), ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, "grid-appeal")).as(user).isFalse();
        }
    }

    @Test
    @DisplayName("seeding twice creates no second authorization or filter")
    void seedingIsIdempotent() {
        long authorizationsBefore = authorizations.createAuthorizationQuery().count();
        long filtersBefore = filters.createFilterQuery().count();
        seeds.run();
        seeds.run();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationsBefore);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
        for (String name : List.of("我的待办", "本组待办", "即将超期", "已超期")) {
            assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("督办员 follow open tasks: a task without its supervision links (a database carried over) gets them at start, READ only")
    void supervisorsAreLinkedToOpenTasksAtStart() {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().list().stream()
                .filter(t -> tasks.getVariable(t.getId(), SupervisorTaskReading.VARIABLE) != null).findFirst().orElseThrow();
        List<String> supervisors = Arrays.asList(((String) tasks.getVariable(task.getId(), SupervisorTaskReading.VARIABLE)).split(","));
        assertThat(supervisionLinks(task.getId())).containsExactlyInAnyOrderElementsOf(supervisors);
        supervisors.forEach(g -> tasks.deleteGroupIdentityLink(task.getId(), g, SupervisorTaskReading.LINK_TYPE));
        assertThat(supervisionLinks(task.getId())).isEmpty();

        seeds.run();
        assertThat(supervisionLinks(task.getId())).as("the walk over open tasks is done once per database, not at every start")
                .isEmpty();

        management.deleteProperty(AccessSeeds.TASK_LINKS_DONE); // a database carried over from before the links
        seeds.run();

        assertThat(supervisionLinks(task.getId())).containsExactlyInAnyOrderElementsOf(supervisors);
        assertThat(management.getProperties()).containsKey(AccessSeeds.TASK_LINKS_DONE);
        String supervisor = supervisors.get(0);
        assertThat(authorizations.isUserAuthorized("someone", List.of(supervisor), Permissions.READ, Resources.TASK, task.getId())).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(supervisor), Permissions.UPDATE, Resources.TASK, task.getId()))
                .as("following is not working the task").isFalse();
    }

    private List<String> supervisionLinks(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> SupervisorTaskReading.LINK_TYPE.equals(l.getType())).map(l -> l.getGroupId()).toList();
    }
}
