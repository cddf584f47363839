/**
 * 督办 (supervision): a first-class record with levels 催办 → 督办通知 → 通报 → 挂牌督办, raised by
 * overdue timers of every module and by supervisors. Other modules call {@link
 * org.fengqiao.supervision.SupervisionRecords#raise}.
 */
package org.fengqiao.supervision;
