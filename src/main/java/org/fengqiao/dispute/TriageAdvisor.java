package org.fengqiao.dispute;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.organisation.OrganisationType;
import org.springframework.stereotype.Component;

/**
 * Evaluates {@code dispute-triage.dmn} and turns its kind-of-organisation into a concrete
 * organisation: the first one of that type and level under the receiving centre, else under the
 * nearest ancestor.
 */
@Component
class TriageAdvisor {

    static final String DECISION_KEY = "dispute-triage";

    private final DecisionService decisions;
    private final OrganisationDirectory organisations;

    TriageAdvisor(DecisionService decisions, OrganisationDirectory organisations) {
        this.decisions = decisions;
        this.organisations = organisations;
    }

    TriageSuggestion suggest(DisputeCategory category, Channel channel, BigDecimal amount, int partyCount, String centreId) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", category.name());
        inputs.put("channel", channel.name());
        inputs.put("amountInvolved", amount == null ? null : amount.doubleValue());
        inputs.put("partyCount", partyCount);
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY).variables(inputs)
                .evaluate().getSingleResult();
        MediationType type = MediationType.valueOf(result.getEntry("mediationType"));
        OrganisationLevel level = OrganisationLevel.valueOf(result.getEntry("level"));
        OrganisationType orgType = OrganisationType.valueOf(result.getEntry("orgType"));
        Complexity complexity = Complexity.valueOf(result.getEntry("complexity"));
        Number days = result.getEntry("dueInDays");
        String orgId = organisations.nearest(centreId, o -> o.type() == orgType && o.level() == level)
                .or(() -> organisations.nearest(centreId, o -> o.type() == orgType))
                .map(Organisation::id).orElse(null);
        return new TriageSuggestion(type, level, orgId, complexity, days == null ? null : days.intValue());
    }
}
