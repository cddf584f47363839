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

    /**
     * 上报诉求. {@code reporter} is the person who raised the appeal (诉求人), optional: whom the 回访 calls
     * back. The grid worker or clerk who records the report is the caller, not the reporter.
     */
    public record Report(AppealType type, AppealChannel channel, String gridId, String description, Urgency urgency,
                         Reporter reporter) {
    }

    /** The appellant's contact (诉求人): name and phone, each optional. */
    public record Reporter(String name, String phone) {

        /** Null when neither a name nor a phone was given. */
        public static Reporter of(String name, String phone) {
            boolean none = (name == null || name.isBlank()) && (phone == null || phone.isBlank());
            return none ? null : new Reporter(name, phone);
        }
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
