package org.fengqiao.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counts of one slice of the mediation report (all categories, or one) and the rates derived
 * from them. Every rate names its denominator as a field of its own, so a published figure can be
 * checked; a rate is {@code null} when its denominator is 0.
 *
 * @param received         cases registered in the period
 * @param accepted         of those, cases triaged ACCEPT (受理)
 * @param closed           cases that ended (办结) in the period, triage refusals and transfers included
 * @param mediatedClosed   of those, cases that were mediated (outcome not NOT_ACCEPTED / TRANSFERRED)
 * @param successful       of those, outcome SUCCESS_WRITTEN or SUCCESS_ORAL
 * @param closedWithDueAt  of the closed, cases that had a mediation deadline
 * @param closedOnTime     of those, closed no later than the deadline
 * @param returnVisits     return visits made in the period (each has an answer)
 * @param satisfiedVisits  of those, SATISFIED or BASICALLY_SATISFIED
 */
public record MediationFigures(long received, long accepted, long closed, long mediatedClosed, long successful,
                               long closedWithDueAt, long closedOnTime, long returnVisits, long satisfiedVisits) {

    static final MediationFigures NONE = new MediationFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    MediationFigures plus(MediationFigures o) {
        return new MediationFigures(received + o.received, accepted + o.accepted, closed + o.closed,
                mediatedClosed + o.mediatedClosed, successful + o.successful, closedWithDueAt + o.closedWithDueAt,
                closedOnTime + o.closedOnTime, returnVisits + o.returnVisits, satisfiedVisits + o.satisfiedVisits);
    }

    /** 办结率: closed ÷ received (峄城 style; both counted in the same period). */
    public BigDecimal closureRate() {
        return rate(closed, received);
    }

    /** 调解成功率: successful ÷ mediatedClosed (domain §9.1). */
    public BigDecimal successRate() {
        return rate(successful, mediatedClosed);
    }

    /** 满意率: satisfiedVisits ÷ returnVisits. */
    public BigDecimal satisfactionRate() {
        return rate(satisfiedVisits, returnVisits);
    }

    /** 按期办结率: closedOnTime ÷ closedWithDueAt. */
    public BigDecimal onTimeRate() {
        return rate(closedOnTime, closedWithDueAt);
    }

    /** numerator ÷ denominator with 4 decimals (half up), or null for an empty denominator. */
    public static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
