package org.fengqiao.appeal;

import java.math.BigDecimal;
import java.util.List;

import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeCommands;
import org.fengqiao.organisation.OrganisationLevel;

/** What a person submits at each step; the REST facade and the Tasklist forms produce the same commands. */
public final class AppealCommands {

    private AppealCommands() {
    }

    public record Report(AppealType type, AppealChannel channel, String gridId, String description, Urgency urgency) {
    }

    public record Triage(String leadDepartmentId, List<String> assistingDepartmentIds, OrganisationLevel level,
                         Integer dueInDays, String notes) {
    }

    public record ToDispute(String title, DisputeCategory category, String claims, BigDecimal amountInvolved,
                            List<DisputeCommands.PartyInput> parties) {
    }

    public record Dispatch(String notes) {
    }

    public record Sign(String notes) {
    }

    public record Return(String reason) {
    }

    public record Extension(Integer extraDays, String reason) {
    }

    public record ExtensionApproval(Boolean approved, String reason) {
    }

    public record Feedback(String result) {
    }

    public record Review(ReviewDecision decision, String reason) {
    }

    public record ReturnVisit(Satisfaction satisfaction, String notes) {
    }
}
