package org.fengqiao.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.fengqiao.shared.Caller;
import org.fengqiao.shared.CallerDirectory;
import org.fengqiao.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree, kept in memory (a city has hundreds of organisations, not millions) and
 * reloaded whenever it changes. Answers the scoping questions of the other modules: which
 * organisations a caller's memberships reach (their own and everything below them).
 */
@Service
public class OrganisationDirectory implements CallerDirectory {

    private final Organisations organisations;
    private final org.camunda.bpm.engine.IdentityService identity;
    private volatile Map<String, Organisation> byId = Map.of();

    OrganisationDirectory(Organisations organisations, org.camunda.bpm.engine.IdentityService identity) {
        this.organisations = organisations;
        this.identity = identity;
    }

    /** Whether the user exists and holds the role (its Camunda group). */
    public boolean holdsRole(String userId, Role role) {
        return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0;
    }

    /** Whether one of the user's organisations is {@code orgId} or lies above it. */
    public boolean userReaches(String userId, String orgId) {
        return orgId != null && pathToRoot(orgId).stream().anyMatch(o -> organisations.membershipsOf(userId).contains(o.id()));
    }

    /** Whether the user belongs to {@code orgId} or to an organisation below it. */
    public boolean userWithin(String userId, String orgId) {
        return organisations.membershipsOf(userId).stream().anyMatch(m -> isWithin(m, orgId));
    }

    private Map<String, Organisation> tree() {
        Map<String, Organisation> current = byId;
        if (current.isEmpty()) {
            current = reload();
        }
        return current;
    }

    private synchronized Map<String, Organisation> reload() {
        Map<String, Organisation> map = new LinkedHashMap<>();
        organisations.findAll().forEach(o -> map.put(o.id(), o));
        byId = Map.copyOf(map);
        return map;
    }

    public List<Organisation> all() {
        return tree().values().stream()
                .sorted(Comparator.comparingInt(Organisation::sortOrder).thenComparing(Organisation::id))
                .toList();
    }

    public Optional<Organisation> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tree().get(id));
    }

    public Organisation get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("组织 (organisation)", id));
    }

    public List<Organisation> childrenOf(String id) {
        return all().stream().filter(o -> id == null ? o.parentId() == null : id.equals(o.parentId())).toList();
    }

    /** The organisation itself and every organisation below it. */
    public Set<String> subtreeOf(String id) {
        Set<String> result = new HashSet<>();
        List<String> queue = new ArrayList<>(List.of(id));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (result.add(next)) {
                childrenOf(next).forEach(c -> queue.add(c.id()));
            }
        }
        return result;
    }

    /** The organisation and its ancestors up to the root, nearest first. */
    public List<Organisation> pathToRoot(String id) {
        List<Organisation> path = new ArrayList<>();
        Organisation current = tree().get(id);
        while (current != null && path.size() < 64) {
            path.add(current);
            current = current.parentId() == null ? null : tree().get(current.parentId());
        }
        return path;
    }

    /** Whether {@code orgId} is {@code ancestorId} or lies below it. */
    public boolean isWithin(String orgId, String ancestorId) {
        return orgId != null && pathToRoot(orgId).stream().anyMatch(o -> o.id().equals(ancestorId));
    }

    /** Organisations whose records the caller may see: their own and everything below them. */
    public Set<String> reachableBy(Caller caller) {
        Set<String> result = new HashSet<>();
        caller.organisationIds().forEach(id -> result.addAll(subtreeOf(id)));
        return result;
    }

    /** Whether one of the caller's organisations is {@code orgId} or an ancestor of it. */
    public boolean reaches(Caller caller, String orgId) {
        return orgId != null && pathToRoot(orgId).stream().anyMatch(o -> caller.organisationIds().contains(o.id()));
    }

    /**
     * The organisation of the given type and level nearest to {@code centreId}: first inside the
     * centre's subtree (in tree order), then under each ancestor in turn.
     */
    public Optional<Organisation> nearest(String centreId, Predicate<Organisation> wanted) {
        for (Organisation scope : pathToRoot(centreId)) {
            Set<String> subtree = subtreeOf(scope.id());
            Optional<Organisation> match = all().stream().filter(o -> subtree.contains(o.id())).filter(wanted).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return all().stream().filter(wanted).findFirst();
    }

    /** The user as an acting caller: Camunda groups and organisation memberships. */
    public Caller callerOf(String userId) {
        Set<String> groups = Set.copyOf(identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        return new Caller(userId, groups, organisationsOf(userId));
    }

    @Override
    public Set<String> organisationsOf(String userId) {
        return organisations.membershipsOf(userId);
    }

    /** Users holding {@code role} in {@code orgId} or an organisation below it, in tree order (for the Tasklist's pickers). */
    public List<String> holdersWithin(String orgId, Role role) {
        Set<String> users = new java.util.LinkedHashSet<>();
        Set<String> subtree = subtreeOf(orgId);
        for (Organisation o : all()) {
            if (subtree.contains(o.id())) {
                membersOf(o.id()).stream().filter(u -> holdsRole(u, role)).forEach(users::add);
            }
        }
        return List.copyOf(users);
    }

    /** A user's name as people read it (last and first name), or the id when none is recorded. */
    public String displayName(String userId) {
        org.camunda.bpm.engine.identity.User user = userId == null ? null
                : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = (user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName());
        return name.isBlank() ? userId : name;
    }

    public List<String> membersOf(String orgId) {
        return organisations.membersOf(orgId);
    }

    @Transactional
    public void save(Organisation organisation) {
        organisations.save(organisation);
        reload();
    }

    @Transactional
    public void addMember(String userId, String orgId) {
        get(orgId);
        organisations.addMember(userId, orgId);
    }
}
