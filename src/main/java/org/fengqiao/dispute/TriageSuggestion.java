package org.fengqiao.dispute;

import org.fengqiao.organisation.OrganisationLevel;

/** What the triage DMN suggests from category, amount, party count and channel. */
public record TriageSuggestion(MediationType mediationType, OrganisationLevel level, String orgId,
                               Complexity complexity, Integer dueInDays) {
}
