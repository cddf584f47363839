/**
 * 涉案财物 custody (domain §5–§7, state machine C): property cases and items, storage zones with
 * the 纪委监委 专区, the operations (intake, loan, transfer, remote display, disposal, inventory) as
 * short BPMN processes, and the one global, hash-chained custody ledger. See docs/custody.md.
 */
package org.fengqiao.custody;
