package org.fengqiao.dispute;

import java.util.List;
import java.util.Map;

import org.fengqiao.calendar.TimeLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every duration of the dispute lifecycle, from {@code fengqiao.dispute} in application.yml. The
 * working-day calendar turns each into a due date.
 */
@ConfigurationProperties("fengqiao.dispute")
public record DisputeSettings(
        TimeLimit acceptanceLimit,
        Map<MediationType, TimeLimit> mediationLimits,
        TimeLimit warningBefore,
        TimeLimit judicialConfirmationWindow,
        TimeLimit courtReviewLimit,
        TimeLimit courtAcceptanceLimit,
        TimeLimit courtReviewExtension,
        TimeLimit materialsReturnLimit,
        TimeLimit riskReportLimit,
        TimeLimit reopenLimit,
        TimeLimit performanceFollowUp,
        int maxExtensionDays,
        String caseNoFormat,
        int caseNoDigits,
        long documentMaxBytes,
        ArchiveRequired archiveRequired) {

    /** Mandatory dossier documents: always, once mediated, once an agreement exists. */
    public record ArchiveRequired(List<DocumentType> always, List<DocumentType> mediated, List<DocumentType> agreed) {
    }

    public TimeLimit mediationLimit(MediationType type) {
        TimeLimit limit = mediationLimits.get(type);
        if (limit == null) {
            throw new IllegalStateException("fengqiao.dispute.mediation-limits has no entry for " + type);
        }
        return limit;
    }
}
