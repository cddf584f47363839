package org.fengqiao.custody;

public enum CaseType {
    CRIMINAL, ADMINISTRATIVE, DISCIPLINARY_SUPERVISORY
}
