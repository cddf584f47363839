package org.fengqiao.custody;

import java.time.OffsetDateTime;
import java.util.List;

/** A case under which property was seized (domain §7.3 PropertyCase); {@code stage} drives C17. */
public record PropertyCase(String id, long caseSeq, String agencyCaseNo, String caseName, CaseType caseType,
                           String handlingAgencyId, String handlingScope, List<String> officerIds, String createdBy,
                           OffsetDateTime createdAt, ProceedingsStage stage, String stageDocumentNo,
                           OffsetDateTime stageChangedAt) {

    public PropertyCase {
        stage = stage == null ? ProceedingsStage.INVESTIGATION : stage;
    }
}
