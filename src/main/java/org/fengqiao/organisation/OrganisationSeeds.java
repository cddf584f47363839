package org.fengqiao.organisation;

import org.fengqiao.shared.StartupStep;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fengqiao.shared.SeedFiles;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * Loads {@code seeds/demo/organisations.yml} and {@code users.yml} through the application's own
 * services, idempotently: existing organisations are updated, existing users keep their password.
 */
@Component
@Order(10)
class OrganisationSeeds implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSeeds.class);
    static final String DEMO_PASSWORD = "demo";

    record OrgSeed(String id, String code, String name, OrganisationType type, OrganisationLevel level, String abbr,
                   List<OrgSeed> children) {
    }

    record OrgFile(List<OrgSeed> organisations) {
    }

    record UserSeed(String id, String name, List<String> roles, List<String> organisations) {
    }

    record UserFile(List<UserSeed> users) {
    }

    private final OrganisationDirectory directory;
    private final IdentityService identity;
    private final SeedFiles seeds;

    OrganisationSeeds(OrganisationDirectory directory, IdentityService identity, SeedFiles seeds) {
        this.directory = directory;
        this.identity = identity;
        this.seeds = seeds;
    }

    @Override
    public void run() {
        ensureRoleGroups();
        if (!seeds.demo()) {
            return;
        }
        OrgFile orgs = seeds.read("demo/organisations.yml", OrgFile.class);
        int[] order = {0};
        orgs.organisations().forEach(o -> saveTree(o, null, order));
        UserFile users = seeds.read("demo/users.yml", UserFile.class);
        users.users().forEach(this::saveUser);
        log.info("Demo seeds loaded: {} organisations, {} users", order[0], users.users().size());
    }

    private void saveTree(OrgSeed seed, String parentId, int[] order) {
        directory.save(new Organisation(seed.id(), seed.code(), seed.name(), seed.type(), seed.level(), parentId,
                seed.abbr(), order[0]++));
        if (seed.children() != null) {
            seed.children().forEach(c -> saveTree(c, seed.id(), order));
        }
    }

    private void ensureRoleGroups() {
        for (Role role : Role.values()) {
            ensureGroup(role.groupId(), role.label(), role == Role.ADMIN ? "SYSTEM" : "WORKFLOW");
        }
    }

    /**
     * Creates the group, or gives an existing one the product's Chinese name and type: Camunda's starter
     * creates {@code camunda-admin} as "camunda BPM Administrators", which Admin would otherwise show.
     */
    private void ensureGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void saveUser(UserSeed seed) {
        if (identity.createUserQuery().userId(seed.id()).count() == 0) {
            User user = identity.newUser(seed.id());
            user.setFirstName(seed.name());
            user.setLastName("");
            user.setPassword(DEMO_PASSWORD);
            user.setEmail(seed.id() + "@fengqiao.example");
            identity.saveUser(user);
        }
        for (String roleId : seed.roles()) {
            Role role = Role.ofGroup(roleId).orElseThrow(() -> new IllegalArgumentException("unknown role " + roleId));
            addMembership(seed.id(), role.groupId());
            for (String orgId : seed.organisations()) {
                Organisation org = directory.get(orgId);
                String group = role.groupFor(orgId);
                ensureGroup(group, org.name() + "·" + role.label(), "ORGANISATION");
                addMembership(seed.id(), group);
            }
        }
        seed.organisations().forEach(orgId -> directory.addMember(seed.id(), orgId));
    }

    private void addMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

}
