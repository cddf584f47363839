package org.fengqiao.custody;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case under which property was seized (domain §7.3 PropertyCase); {@code stage} drives C17. After
 * the judgment took effect the court delivers it within {@code judgmentDeliveryDueAt} (C7).
 */
public record PropertyCase(String id, long caseSeq, String agencyCaseNo, String caseName, CaseType caseType,
                           String handlingAgencyId, String handlingScope, List<String> officerIds, String createdBy,
                           OffsetDateTime createdAt, ProceedingsStage stage, String stageDocumentNo,
                           OffsetDateTime stageChangedAt, OffsetDateTime judgmentDeliveryDueAt,
                           OffsetDateTime judgmentDeliveredAt, String judgmentDeliveryDocNo) {

    public PropertyCase {
        stage = stage == null ? ProceedingsStage.INVESTIGATION : stage;
    }
}
