package org.fengqiao.organisation;

import java.util.Set;

import org.fengqiao.shared.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small organisation tree in a private database, and the real {@link OrganisationDirectory} over
 * it, for tests of the access rules without a Spring context:
 * <pre>
 * city (CENTRE, CITY)
 * ├── county (CENTRE, COUNTY)
 * │   ├── townA (PEOPLES_MEDIATION_COMMITTEE, TOWN)
 * │   ├── townB (PEOPLES_MEDIATION_COMMITTEE, TOWN)
 * │   ├── court (COURT, COUNTY)
 * │   └── deptA, deptB (ADMINISTRATIVE_ORGAN, COUNTY)
 * └── otherCounty (CENTRE, COUNTY)
 * </pre>
 */
public final class OrganisationTree {

    public final OrganisationDirectory directory;
    private final Organisations organisations;

    public OrganisationTree(JdbcClient jdbc) {
        organisations = new Organisations(jdbc);
        directory = new OrganisationDirectory(organisations, null);
        int order = 0;
        add(organisations, "city", OrganisationType.CENTRE, OrganisationLevel.CITY, null, order++);
        add(organisations, "county", OrganisationType.CENTRE, OrganisationLevel.COUNTY, "city", order++);
        add(organisations, "townA", OrganisationType.PEOPLES_MEDIATION_COMMITTEE, OrganisationLevel.TOWN, "county", order++);
        add(organisations, "townB", OrganisationType.PEOPLES_MEDIATION_COMMITTEE, OrganisationLevel.TOWN, "county", order++);
        add(organisations, "court", OrganisationType.COURT, OrganisationLevel.COUNTY, "county", order++);
        add(organisations, "deptA", OrganisationType.ADMINISTRATIVE_ORGAN, OrganisationLevel.COUNTY, "county", order++);
        add(organisations, "deptB", OrganisationType.ADMINISTRATIVE_ORGAN, OrganisationLevel.COUNTY, "county", order++);
        add(organisations, "otherCounty", OrganisationType.CENTRE, OrganisationLevel.COUNTY, "city", order++);
    }

    /** Adds an organisation of {@code type} under {@code parent} (e.g. a department of an agency). */
    public OrganisationTree with(String id, OrganisationType type, String parent) {
        add(organisations, id, type, OrganisationLevel.COUNTY, parent, 100);
        return this;
    }

    /** Makes {@code userId} a member of {@code orgId}. */
    public OrganisationTree member(String userId, String orgId) {
        organisations.addMember(userId, orgId);
        return this;
    }

    private static void add(Organisations organisations, String id, OrganisationType type, OrganisationLevel level,
                            String parent, int order) {
        organisations.save(new Organisation(id, id, id, type, level, parent, null, order));
    }

    /** A caller holding the given role groups in the given organisations. */
    public static Caller caller(String userId, Set<String> roles, Set<String> organisations) {
        return new Caller(userId, roles, organisations);
    }
}
