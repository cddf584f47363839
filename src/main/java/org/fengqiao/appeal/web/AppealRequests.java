package org.fengqiao.appeal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.fengqiao.shared.Validation;
import org.fengqiao.shared.web.TaskVariables;
import org.fengqiao.appeal.AppealChannel;
import org.fengqiao.appeal.AppealCommands;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.appeal.ReviewDecision;
import org.fengqiao.appeal.Satisfaction;
import org.fengqiao.appeal.Urgency;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.PartyRole;
import org.fengqiao.dispute.PartyType;
import org.fengqiao.organisation.OrganisationLevel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request bodies of the appeal API. JSON types and enum values are checked by Jackson (400), the
 * rules by the domain (422). Each action body becomes the variables of the Camunda task it completes.
 */
final class AppealRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppealRequests() {
    }


    @Schema(description = "上报诉求. urgency NORMAL (一般) / URGENT (紧急) / EMERGENCY (特急); channel GRID_APP, HOTLINE, "
            + "WECHAT, WINDOW, VIDEO_AI, DEPARTMENT; reporter (optional): the appellant (诉求人) the 回访 calls back")
    record Report(AppealType type, AppealChannel channel, String gridId, String description, Urgency urgency,
                  ReporterBody reporter) {
        AppealCommands.Report toCommand() {
            return new AppealCommands.Report(type, channel, gridId, description, urgency,
                    reporter == null ? null : AppealCommands.Reporter.of(reporter.name(), reporter.phone()));
        }
    }

    @Schema(description = "诉求人 (the appellant), optional; both fields optional. Personal data: shown only to the roles "
            + "that work the appeal")
    record ReporterBody(@Schema(description = "诉求人姓名", maxLength = Validation.NAME_MAX) String name,
                        @Schema(description = "联系电话: an 11-digit mainland mobile number (optionally +86; spaces or hyphens "
                                + "between the groups) or a landline (0633-8000000, the local number alone, an extension after "
                                + "'-' or '转')", maxLength = 40, pattern = Validation.PHONE_PATTERN,
                                example = "13800001111") String phone) {
    }

    @Schema(description = "研判分流: lead department (主办), assisting departments (协办; required for ZHIFA 执法诉求), "
            + "level (default: the lead department's), dueInDays overrides the configured limit by type and urgency")
    record Triage(@JsonAlias({"leadDeptId", "leadDepartment"}) String leadDepartmentId,
                  @JsonAlias({"assistDeptIds", "assistingDepartments", "assistDepartmentIds"}) List<String> assistingDepartmentIds,
                  OrganisationLevel level, Integer dueInDays, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("leadDepartmentId", leadDepartmentId, "assistingDepartmentIds",
                    assistingDepartmentIds, "level", level, "dueInDays", dueInDays, "notes", notes);
        }
    }

    record PartyBody(PartyRole role, PartyType type, String name, String idNumber, String phone, String address) {
    }

    @Schema(description = "转为矛盾纠纷案件 (DISPUTE-type appeals, before dispatch): registers a dispute with channel "
            + "GRID_REPORT and sourceRef = the appeal's ticketNo; the appeal is CLOSED with linkedDisputeId")
    record ToDispute(String title, DisputeCategory category, String claims, BigDecimal amountInvolved,
                     List<PartyBody> parties) {
        Map<String, Object> variables() {
            String partiesJson;
            try {
                partiesJson = parties == null ? null : JSON.writeValueAsString(parties);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return TaskVariables.of("title", title, "category", category, "claims", claims, "amountInvolved",
                    amountInvolved, "parties", partiesJson);
        }
    }

    record Notes(String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("notes", notes);
        }
    }

    record Return(String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("reason", reason);
        }
    }

    record Extension(Integer extraDays, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("extraDays", extraDays, "reason", reason);
        }
    }

    record ExtensionApproval(Boolean approved, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("approved", approved, "reason", reason);
        }
    }

    record Feedback(@JsonAlias({"content", "feedback"}) String result) {
        Map<String, Object> variables() {
            return TaskVariables.of("result", result);
        }
    }

    record Review(ReviewDecision decision, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("decision", decision, "reason", reason);
        }
    }

    record ReturnVisit(Satisfaction satisfaction, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("satisfaction", satisfaction, "notes", notes);
        }
    }
}
