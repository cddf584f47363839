/**
 * Grid events and citizen appeals (网格事件·群众诉求, state machine B of the domain research):
 * 网格员上报 → 研判分流 → 派单 → 签收/退单 → 办理 → 反馈 → 中心审核 → 回访 → 结案, with 延期申请,
 * automatic 催办/督办通知 on overdue handling, and conversion of a dispute-type appeal into a
 * dispute case. The public surface is this package; {@code process/} and {@code web/} are internal.
 */
package org.fengqiao.appeal;
