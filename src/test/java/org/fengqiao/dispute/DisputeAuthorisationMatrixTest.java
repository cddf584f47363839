package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.RoleMatrix;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authorisation matrix of issue 5: every dispute role × every dispute action × own / other
 * organisation. Each cell performs the action (with a valid body) on a case of the 安东卫 committee
 * (centre {@code rz}, mediators mediator1 and mediator3) that is in a status where the action is
 * legal, and expects the contract's precedence: {@code 404} when the caller cannot see the case,
 * else {@code 403} when the role matrix ({@code seeds/reference/roles.yml}) does not give the role
 * the action, else {@code 200}. A {@code 200} cell runs on a fresh case, so it also proves that the
 * engine's task authorization lets that user complete the step as themselves.
 */
@FengqiaoTest
class DisputeAuthorisationMatrixTest extends DisputeApiTestBase {

    /** A demo user, its role and whether it belongs to the case's organisation chain. */
    record Member(String user, Role role, boolean own) {
        @Override
        public String toString() {
            return user + " (" + role.groupId() + ", " + (own ? "own" : "other") + " organisation)";
        }
    }

    static final List<Member> MEMBERS = List.of(
            new Member("admin", Role.ADMIN, true),
            new Member("clerk", Role.CLERK, true),
            new Member("triage", Role.TRIAGE, true),
            new Member("orgadmin", Role.ORG_ADMIN, true),
            new Member("mediator1", Role.MEDIATOR, true),
            new Member("mediator3", Role.MEDIATOR, true),
            new Member("visitor", Role.VISITOR, true),
            new Member("supervisor", Role.SUPERVISOR, true),
            new Member("court", Role.COURT, false),
            new Member("orgadmin2", Role.ORG_ADMIN, false),
            new Member("mediator2", Role.MEDIATOR, false),
            new Member("labmediator", Role.MEDIATOR, false),
            new Member("cntadmin", Role.ORG_ADMIN, false),
            new Member("officer1", Role.OFFICER, false),
            new Member("custodian", Role.CUSTODIAN, false),
            new Member("ccdi", Role.CCDI, false));

    /** The status each action is tested in (the first of its legal statuses). */
    static final Map<DisputeAction, DisputeStatus> STAGE = new EnumMap<>(Map.ofEntries(
            Map.entry(DisputeAction.TRIAGE, DisputeStatus.TRIAGE),
            Map.entry(DisputeAction.ACCEPTANCE, DisputeStatus.ASSIGNED_PENDING_ACCEPT),
            Map.entry(DisputeAction.CONSENT, DisputeStatus.CONSENT_PENDING),
            Map.entry(DisputeAction.MEDIATORS, DisputeStatus.MEDIATOR_ASSIGNMENT),
            Map.entry(DisputeAction.RECUSAL, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.SESSIONS, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.EXTENSION, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.ESCALATION, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.AGREEMENT, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.TERMINATION, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.JUDICIAL_CONFIRMATION, DisputeStatus.PERFORMANCE_MONITORING),
            Map.entry(DisputeAction.COURT_ACCEPTANCE, DisputeStatus.JUDICIAL_CONFIRMATION),
            Map.entry(DisputeAction.COURT_EXTENSION, DisputeStatus.JUDICIAL_CONFIRMATION),
            Map.entry(DisputeAction.COURT_DECISION, DisputeStatus.JUDICIAL_CONFIRMATION),
            Map.entry(DisputeAction.PERFORMANCE, DisputeStatus.PERFORMANCE_MONITORING),
            Map.entry(DisputeAction.RETURN_VISIT, DisputeStatus.RETURN_VISIT),
            Map.entry(DisputeAction.REVIEW, DisputeStatus.SUPERVISOR_REVIEW),
            Map.entry(DisputeAction.CLOSURE, DisputeStatus.TERMINATED_NO_AGREEMENT),
            Map.entry(DisputeAction.ARCHIVE, DisputeStatus.CLOSED),
            Map.entry(DisputeAction.WITHDRAWAL, DisputeStatus.TRIAGE),
            Map.entry(DisputeAction.MATERIALS_RETURN, DisputeStatus.TERMINATED_NO_AGREEMENT),
            Map.entry(DisputeAction.RISK_REPORT, DisputeStatus.IN_MEDIATION),
            Map.entry(DisputeAction.RISK_REPORT_DELIVERY, DisputeStatus.IN_MEDIATION)));

    /** One case per status for the cells that change nothing (403 / 404); shared across cells. */
    static final Map<String, String> SHARED = new java.util.HashMap<>();

    @Autowired RoleMatrix matrix;

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (DisputeAction action : DisputeAction.values()) {
            for (Member member : MEMBERS) {
                cells.add(Arguments.of(action, member));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    @DisplayName("role × action × own/other organisation → 2xx / 403 / 404")
    void matrix(DisputeAction action, Member member) {
        DisputeStatus status = STAGE.get(action);
        int expected = expected(action, member, status);
        String id = expected == 200 ? prepare(action, status)
                : SHARED.computeIfAbsent(special(action) ? action.name() : status.name(), k -> prepare(action, status));
        assertThat(f.get("admin", id).text("status")).isEqualTo(status.name());

        Api.Response r = f.act(member.user(), id, action.path(), body(action, id));

        assertThat(r.status()).as("%s by %s → %s", action.path(), member, r.body()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(r.problemType()).isEqualTo("/problems/not-found");
            assertThat(f.get(member.user(), id).status()).as("the case is invisible to " + member).isEqualTo(404);
        } else if (expected == 403) {
            assertThat(r.problemType()).isEqualTo("/problems/forbidden");
            assertThat(f.allowed(member.user(), id)).doesNotContain(action.path());
            assertThat(f.get("admin", id).text("status")).as("a refused request changes nothing").isEqualTo(status.name());
        } else {
            JsonNode last = f.lastEntry("admin", id, action.path());
            assertThat(last.path("actor").asText()).isEqualTo(member.user());
        }
    }

    /** The contract's precedence: not visible → 404; role without the action → 403; else 200. */
    private int expected(DisputeAction action, Member member, DisputeStatus status) {
        if (!visible(member, status)) {
            return 404;
        }
        return matrix.of(member.role()).disputeScope(action.path())
                // every case here was assigned to a committee: a grant for unassigned cases does not apply
                .filter(scope -> scope != RoleMatrix.Scope.UNASSIGNED)
                .isPresent() ? 200 : 403;
    }

    /**
     * Visible to admins and the members of the receiving centre ({@code rz}); once assigned, also to
     * the committee's members (mediator1, mediator3 are its mediators); to the court once a judicial
     * confirmation was filed; to nobody else.
     */
    private static boolean visible(Member member, DisputeStatus status) {
        if (member.role() == Role.COURT) {
            return status == DisputeStatus.JUDICIAL_CONFIRMATION;
        }
        if (!member.own()) {
            return false;
        }
        boolean committee = Set.of(Role.ORG_ADMIN, Role.MEDIATOR).contains(member.role());
        return !committee || status != DisputeStatus.TRIAGE;
    }

    private Map<String, Object> body(DisputeAction action, String id) {
        Map<String, Object> b = new LinkedHashMap<>();
        switch (action) {
            case TRIAGE -> {
                b.putAll(Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN", "orgId",
                        DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE", "complexity", "ORDINARY",
                        "riskLevel", "LOW"));
            }
            case ACCEPTANCE -> b.put("accepted", true);
            case CONSENT -> b.put("respondentConsent", "AGREED");
            case MEDIATORS -> b.putAll(Map.of("presidingMediatorId", "mediator1",
                    "mediatorIds", List.of("mediator1", "mediator3"), "selectedBy", "ORG"));
            case RECUSAL -> b.putAll(Map.of("requestedBy", "孙某", "grounds", "调解员与被申请人系近亲属",
                    "replacementMediatorId", "mediator4"));
            case SESSIONS -> b.putAll(Map.of("heldAt", DisputeFixtures.justNow(), "place", "安东卫街道调解室",
                    "minutes", "双方陈述意见", "rightsNoticeDelivered", true));
            case EXTENSION -> b.putAll(Map.of("extraDays", 10, "allPartiesConsent", true));
            case ESCALATION -> b.putAll(Map.of("toLevel", "COUNTY", "reason", "涉及多个村居"));
            case AGREEMENT -> {
                b.putAll(Map.of("form", "WRITTEN", "terms", "被申请人于十日内支付赔偿款", "amount", 5000));
                b.putAll(Map.of("signedBy", List.of("孙某", "周某"), "sealed", true, "signedAt", DisputeFixtures.justNow()));
            }
            case TERMINATION -> b.putAll(Map.of("reason", "申请人要求终止调解", "routesInformed", List.of("LITIGATION")));
            case JUDICIAL_CONFIRMATION -> b.putAll(Map.of("court", "日照市岚山区人民法院", "filedAt", DisputeFixtures.justNow(),
                    "applicants", List.of("孙某", "周某")));
            case COURT_ACCEPTANCE -> b.putAll(Map.of("acceptedAt", DisputeFixtures.justNow(), "courtCaseNo", "（2026）鲁1103民特7号"));
            case COURT_EXTENSION -> b.put("reason", "案情复杂，经院长批准延长十日");
            case COURT_DECISION -> b.put("result", "CONFIRMED_VALID");
            case PERFORMANCE -> b.putAll(Map.of("status", "PARTIAL", "evidence", "已支付部分款项"));
            case RETURN_VISIT -> b.putAll(Map.of("satisfaction", "SATISFIED", "performanceStatus", "DONE", "notes", "已履行"));
            case REVIEW -> b.putAll(Map.of("decision", "CLOSE", "reason", "经复核，已妥善处理"));
            case CLOSURE -> b.put("notes", "被申请人拒绝调解，已告知其他途径");
            case ARCHIVE -> b.putAll(Map.of("volumeNo", "矩阵-" + id.substring(0, 8), "retentionYears", 10));
            case WITHDRAWAL -> b.putAll(Map.of("requestedBy", "孙某", "reason", "双方已自行和解"));
            case MATERIALS_RETURN -> b.putAll(Map.of("returnedAt", DisputeFixtures.justNow(), "receivedBy", "岚山区人民法院立案庭"));
            case RISK_REPORT -> b.putAll(Map.of("riskLevel", "HIGH", "reportedTo", "POLICE", "description", "被申请人扬言报复"));
            case RISK_REPORT_DELIVERY -> b.putAll(Map.of("deliveredAt", DisputeFixtures.justNow(), "receivedBy", "安东卫派出所"));
        }
        return b;
    }

    /** A new case of the 安东卫 committee driven into {@code status} through the API. */
    /** Actions that need more than the status: the court's materials to return, an open risk report. */
    private static boolean special(DisputeAction action) {
        return action == DisputeAction.MATERIALS_RETURN || action == DisputeAction.RISK_REPORT_DELIVERY
                || action == DisputeAction.COURT_EXTENSION;
    }

    private String prepare(DisputeAction action, DisputeStatus status) {
        if (action == DisputeAction.MATERIALS_RETURN) {
            String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
            f.designate(id, DisputeFixtures.ADW_COMMITTEE, "COURT_REFERRED_PRE_FILING", "TOWN");
            f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "REFUSED"), "TERMINATED_NO_AGREEMENT");
            return id;
        }
        String id = prepare(status);
        if (action == DisputeAction.COURT_EXTENSION) {
            f.ok("court", id, "court-acceptance", Map.of("acceptedAt", DisputeFixtures.justNow(),
                    "courtCaseNo", "（2026）鲁1103民特8号"), status.name());
        }
        if (action == DisputeAction.RISK_REPORT_DELIVERY) {
            f.ok("mediator1", id, "risk-report", Map.of("riskLevel", "HIGH", "reportedTo", "POLICE",
                    "description", "被申请人扬言报复"), status.name());
        }
        return id;
    }

    private String prepare(DisputeStatus status) {
        return switch (status) {
            case TRIAGE -> f.register(DisputeFixtures.neighbourDispute()).text("id");
            case ASSIGNED_PENDING_ACCEPT -> {
                String id = prepare(DisputeStatus.TRIAGE);
                f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                        "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "PUSH", "complexity", "ORDINARY",
                        "riskLevel", "LOW"), "ASSIGNED_PENDING_ACCEPT");
                yield id;
            }
            case CONSENT_PENDING -> {
                String id = prepare(DisputeStatus.TRIAGE);
                f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
                yield id;
            }
            case MEDIATOR_ASSIGNMENT -> {
                String id = prepare(DisputeStatus.CONSENT_PENDING);
                f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
                yield id;
            }
            case IN_MEDIATION -> {
                String id = f.inMediation(DisputeFixtures.neighbourDispute());
                f.rightsNotice("mediator1", id); // D5: an agreement needs the rights notice on record
                yield id;
            }
            case PERFORMANCE_MONITORING -> {
                String id = prepare(DisputeStatus.IN_MEDIATION);
                assertThat(f.session("mediator1", id, true).status()).isEqualTo(200);
                f.agreement(id, "WRITTEN");
                yield id;
            }
            case JUDICIAL_CONFIRMATION -> {
                String id = prepare(DisputeStatus.PERFORMANCE_MONITORING);
                f.confirmation(id, DisputeFixtures.justNow());
                yield id;
            }
            case RETURN_VISIT -> {
                String id = prepare(DisputeStatus.PERFORMANCE_MONITORING);
                f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "已全部履行"), "RETURN_VISIT");
                yield id;
            }
            case SUPERVISOR_REVIEW -> {
                String id = prepare(DisputeStatus.RETURN_VISIT);
                f.ok("visitor", id, "return-visit", Map.of("satisfaction", "DISSATISFIED", "performanceStatus", "DONE",
                        "notes", "申请人对调解过程不满意"), "SUPERVISOR_REVIEW");
                yield id;
            }
            case TERMINATED_NO_AGREEMENT -> {
                String id = prepare(DisputeStatus.CONSENT_PENDING);
                f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "REFUSED"), "TERMINATED_NO_AGREEMENT");
                yield id;
            }
            case CLOSED -> {
                String id = prepare(DisputeStatus.TERMINATED_NO_AGREEMENT);
                f.ok("orgadmin", id, "closure", Map.of("notes", "被申请人拒绝调解"), "CLOSED");
                JsonNode dossier = api.get("orgadmin", "/api/disputes/" + id + "/documents").body();
                for (JsonNode missing : dossier.path("missingForArchive")) {
                    f.upload("orgadmin", id, missing.asText());
                }
                yield id;
            }
            default -> throw new IllegalArgumentException("no preparation for " + status);
        };
    }
}
