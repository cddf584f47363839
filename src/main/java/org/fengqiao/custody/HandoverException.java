package org.fengqiao.custody;

/**
 * The exceptions to the 24-hour hand-over of 公安 S10 第190条 (C1): the clock starts again.
 */
public enum HandoverException {
    /** extracted away from the unit (异地提取): 24 h after the officers' return */
    REMOTE_EXTRACTION,
    /** urgent appraisal, identification or inspection, approved by the department head: 24 h after it is done */
    URGENT_APPRAISAL
}
