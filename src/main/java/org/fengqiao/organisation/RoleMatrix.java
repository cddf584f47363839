package org.fengqiao.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fengqiao.shared.SeedFiles;
import org.springframework.stereotype.Component;

/**
 * The role matrix as data: {@code seeds/reference/roles.yml}, read once at start. It names each
 * role's label and duties, the actions of the contract it performs and with which scope, the Camunda
 * applications it may open and the further engine authorizations it holds. A file that does not
 * list exactly the roles of {@link Role} stops the start.
 */
@Component
public class RoleMatrix {

    /** How far a role's action reaches (see the comment at the top of roles.yml). */
    public enum Scope { CENTRE, ORGANISATION, CASE, UNASSIGNED, ANY, AGENCY, CUSTODY, RECEIVING }

    public record ActionGrant(String action, Scope scope) {
    }

    public record EngineGrant(String resource, String resourceId, List<String> permissions) {
    }

    public record Everyone(List<String> webapps, List<EngineGrant> engine) {
    }

    public record RoleEntry(String group, String label, String side, String duties, List<String> webapps,
                            List<EngineGrant> engine, List<ActionGrant> dispute, List<ActionGrant> custody,
                            List<ActionGrant> appeal) {
        public RoleEntry {
            webapps = webapps == null ? List.of() : List.copyOf(webapps);
            engine = engine == null ? List.of() : List.copyOf(engine);
            dispute = dispute == null ? List.of() : List.copyOf(dispute);
            custody = custody == null ? List.of() : List.copyOf(custody);
            appeal = appeal == null ? List.of() : List.copyOf(appeal);
        }

        public Optional<Scope> disputeScope(String action) {
            return dispute.stream().filter(g -> g.action().equals(action)).map(ActionGrant::scope).findFirst();
        }

        public Optional<Scope> custodyScope(String action) {
            return custody.stream().filter(g -> g.action().equals(action)).map(ActionGrant::scope).findFirst();
        }
    }

    record MatrixFile(Everyone everyone, List<RoleEntry> roles) {
    }

    private final Everyone everyone;
    private final Map<String, RoleEntry> roles;

    RoleMatrix(SeedFiles seeds) {
        MatrixFile file = seeds.read("reference/roles.yml", MatrixFile.class);
        this.everyone = file.everyone();
        this.roles = file.roles().stream().collect(Collectors.toMap(RoleEntry::group, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("role " + a.group() + " listed twice in roles.yml");
                }, java.util.LinkedHashMap::new));
        Set<String> expected = Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet());
        if (!expected.equals(this.roles.keySet())) {
            throw new IllegalStateException("roles.yml lists " + this.roles.keySet() + " but the roles are " + expected);
        }
    }

    public Everyone everyone() {
        return everyone;
    }

    public List<RoleEntry> roles() {
        return List.copyOf(roles.values());
    }

    public RoleEntry of(Role role) {
        return roles.get(role.groupId());
    }
}
