package org.fengqiao.custody;

/** Condition found at the return inspection of a loan (S21-2010 第11条: 损毁、短少、调换、灭失) — C20. */
public enum ReturnCondition {
    INTACT, DAMAGED, SHORT, SUBSTITUTED, LOST
}
