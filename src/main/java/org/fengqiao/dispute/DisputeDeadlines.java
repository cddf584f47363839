package org.fengqiao.dispute;

import java.time.OffsetDateTime;

import org.fengqiao.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/** Deadlines derived from a case's records, for the model's timers. */
@Component
public class DisputeDeadlines {

    private final DisputeRecords records;
    private final WorkingCalendar calendar;
    private final DisputeSettings settings;

    DisputeDeadlines(DisputeRecords records, WorkingCalendar calendar, DisputeSettings settings) {
        this.records = records;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** When performance is checked: the agreement's deadline, else the configured follow-up period. */
    public OffsetDateTime performanceDueAt(DisputeCase c) {
        if (c.agreementEffectiveAt() == null) {
            return null;
        }
        return records.currentAgreement(c.id()).map(DisputeRecords.AgreementRecord::performanceDeadline)
                .filter(d -> d != null).map(calendar::endOfDay)
                .orElseGet(() -> calendar.deadline(c.agreementEffectiveAt(), settings.performanceFollowUp()));
    }

    /**
     * When the court should have decided whether it accepts the pending application (D13: 3 days
     * from filing); none once the acceptance is recorded.
     */
    public OffsetDateTime courtAcceptanceDueAt(DisputeCase c) {
        return records.latestConfirmation(c.id()).filter(r -> r.result() == null && r.acceptedAt() == null)
                .map(r -> calendar.deadline(r.filedAt(), settings.courtAcceptanceLimit())).orElse(null);
    }

    /**
     * The court's review period with the president's extension (D13: 15 + 10 days), only once the
     * extension is recorded.
     */
    public OffsetDateTime courtReviewExtendedDueAt(DisputeCase c) {
        return records.latestConfirmation(c.id())
                .filter(r -> r.result() == null && r.reviewDueAt() != null && r.extendedAt() != null)
                .map(r -> calendar.deadline(r.reviewDueAt(), settings.courtReviewExtension())).orElse(null);
    }

    /** When the court should rule on the pending judicial confirmation: 15 days from its acceptance (D13). */
    public OffsetDateTime courtReviewDueAt(DisputeCase c) {
        return records.latestConfirmation(c.id()).filter(r -> r.result() == null)
                .map(DisputeRecords.ConfirmationRecord::reviewDueAt).orElse(null);
    }

    /** The date the pending confirmation waits for next: the acceptance, the ruling, or the extended ruling. */
    public OffsetDateTime courtNextDueAt(DisputeCase c) {
        OffsetDateTime extended = courtReviewExtendedDueAt(c);
        if (extended != null) {
            return extended;
        }
        OffsetDateTime review = courtReviewDueAt(c);
        return review != null ? review : courtAcceptanceDueAt(c);
    }
}
