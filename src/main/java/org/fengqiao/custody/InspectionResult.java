package org.fengqiao.custody;

public enum InspectionResult {
    PASS, MISMATCH
}
