package org.fengqiao.organisation;

/** One node of the organisation tree. {@code caseNoAbbr} is the abbreviation in case numbers (e.g. 日岚人调). */
public record Organisation(String id, String code, String name, OrganisationType type, OrganisationLevel level,
                           String parentId, String caseNoAbbr, int sortOrder) {
}
