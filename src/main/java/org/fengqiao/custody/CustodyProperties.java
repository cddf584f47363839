package org.fengqiao.custody;

import java.util.Map;

import org.fengqiao.calendar.TimeLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code fengqiao.custody} block of application.yml; no duration is a literal in code. */
@ConfigurationProperties("fengqiao.custody")
public record CustodyProperties(String itemNoPrefix, Map<String, TimeLimit> handoverLimits, TimeLimit maxLoanPeriod,
                                TimeLimit supervisionResponseLimit, Integer verificationBatchSize,
                                Map<String, TimeLimit> disposalLimits, TimeLimit registrationLimit,
                                TimeLimit frozenAssetVoucherLimit, String cashAccount,
                                Map<String, TimeLimit> unclaimedPeriods, TimeLimit administrativeMeasureLimit,
                                TimeLimit administrativeMeasureExtension, TimeLimit judgmentDeliveryLimit) {

    public CustodyProperties {
        itemNoPrefix = itemNoPrefix == null ? "SACW" : itemNoPrefix;
        handoverLimits = handoverLimits == null ? Map.of() : Map.copyOf(handoverLimits);
        disposalLimits = disposalLimits == null ? Map.of() : Map.copyOf(disposalLimits);
        administrativeMeasureLimit = administrativeMeasureLimit == null ? TimeLimit.calendarDays(30)
                : administrativeMeasureLimit;
        administrativeMeasureExtension = administrativeMeasureExtension == null ? TimeLimit.calendarDays(30)
                : administrativeMeasureExtension;
        // C7 (最高法解释 第447条): the court delivers the effective judgment within 10 days
        judgmentDeliveryLimit = judgmentDeliveryLimit == null ? TimeLimit.calendarDays(10) : judgmentDeliveryLimit;
        unclaimedPeriods = unclaimedPeriods == null ? Map.of() : Map.copyOf(unclaimedPeriods);
        cashAccount = cashAccount == null || cashAccount.isBlank() ? "涉案款项专户" : cashAccount;
        frozenAssetVoucherLimit = frozenAssetVoucherLimit == null ? TimeLimit.calendarDays(15) : frozenAssetVoucherLimit;
        registrationLimit = registrationLimit == null ? new TimeLimit(24, org.fengqiao.calendar.DeadlineUnit.HOURS)
                : registrationLimit;
        verificationBatchSize = verificationBatchSize == null || verificationBatchSize < 1 ? 2000 : verificationBatchSize;
    }

    /** Time from a disposal request to its execution, by disposal type, else the default (C4, C7). */
    public TimeLimit disposalLimit(String disposalType) {
        TimeLimit limit = disposalLimits.getOrDefault(disposalType, disposalLimits.get("default"));
        if (limit == null) {
            throw new IllegalStateException("fengqiao.custody.disposal-limits.default is not configured");
        }
        return limit;
    }

    /**
     * The limit of a disposal of this item: frozen assets remitted to the treasury come back with
     * the bank's voucher within 15 days (最高法解释 第448条, C8); otherwise by disposal type (C4, C7).
     */
    public TimeLimit disposalLimit(DisposalType type, PropertyCategory category) {
        if (category == PropertyCategory.FROZEN_ASSET && (type == DisposalType.CONFISCATE_TO_TREASURY
                || type == DisposalType.UNCLAIMED_TO_TREASURY)) {
            return frozenAssetVoucherLimit;
        }
        return disposalLimit(type.name());
    }

    /**
     * How long unclaimed property waits after the owner was notified (or the public notice) before it
     * goes to the treasury: 6 months in administrative cases (公安 S10 第197条, C9), one year for
     * victims' property after a judgment (最高法解释 第445条, C10).
     */
    public TimeLimit unclaimedPeriod(CaseType caseType) {
        TimeLimit limit = unclaimedPeriods.getOrDefault(caseType.name(), unclaimedPeriods.get("default"));
        if (limit == null) {
            throw new IllegalStateException("fengqiao.custody.unclaimed-periods.default is not configured");
        }
        return limit;
    }

    /** Hand-over limit for an agency type (e.g. POLICE), else the default (C1, C3). */
    public TimeLimit handoverLimit(String agencyType) {
        TimeLimit limit = handoverLimits.get(agencyType);
        if (limit == null) {
            limit = handoverLimits.get("default");
        }
        if (limit == null) {
            throw new IllegalStateException("fengqiao.custody.handover-limits.default is not configured");
        }
        return limit;
    }
}
