package org.fengqiao.custody;

import java.util.List;

/** Body of {@code POST /api/property-cases}. */
public record NewPropertyCase(String agencyCaseNo, String caseName, CaseType caseType, String handlingAgencyId,
                              List<String> officerIds) {
}
