package org.fengqiao.appeal;

/** 中心审核: approve the department's feedback, or send it back for rework (返工). */
public enum ReviewDecision {
    APPROVE, REJECT
}
