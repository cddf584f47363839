package org.fengqiao.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role matrix (README, "Roles"). Each role is a Camunda group of type {@code WORKFLOW}; a user
 * also belongs to the organisation-scoped group {@code <orgId>-<role>} of each organisation where
 * they hold the role, which is what the Tasklist's candidate groups point at.
 */
public enum Role {
    ADMIN("camunda-admin", "系统管理员"),
    CLERK("clerk", "受理员"),
    TRIAGE("triage", "研判分流员"),
    ORG_ADMIN("orgadmin", "调解组织管理员"),
    MEDIATOR("mediator", "调解员"),
    VISITOR("visitor", "回访员"),
    SUPERVISOR("supervisor", "督办员"),
    COURT("court", "法院联络员"),
    OFFICER("officer", "办案人员"),
    DEPARTMENT_HEAD("depthead", "办案部门负责人"),
    /** 县级以上公安机关负责人: pre-trial returns and early disposal (C13), any disposal a department head may approve */
    AGENCY_HEAD("agencyhead", "机关负责人"),
    /** 检察长: decides every disposal of a procuratorate's case (最高检规则 第251条, C14) */
    CHIEF_PROCURATOR("chiefprocurator", "检察长"),
    CUSTODIAN("custodian", "保管员"),
    CCDI("ccdi", "纪委监委办案人员"),
    GRID_WORKER("gridworker", "网格员"),
    DEPARTMENT("department", "职能部门办理人员");

    private final String groupId;
    private final String label;

    Role(String groupId, String label) {
        this.groupId = groupId;
        this.label = label;
    }

    public String groupId() {
        return groupId;
    }

    public String label() {
        return label;
    }

    /** Candidate group for this role within one organisation. */
    public String groupFor(String orgId) {
        return orgId + "-" + groupId;
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
