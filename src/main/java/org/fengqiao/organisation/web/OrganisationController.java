package org.fengqiao.organisation.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisations", description = "组织机构树与当前用户")
class OrganisationController {

    record OrganisationNode(String id, String code, String name, OrganisationType type, OrganisationLevel level,
                            List<OrganisationNode> children) {
    }

    record OrganisationRef(String id, String name, OrganisationType type, OrganisationLevel level) {
    }

    record Me(String userId, String name, List<String> groups, List<OrganisationRef> organisations) {
    }

    private final OrganisationDirectory directory;
    private final CurrentCaller currentCaller;
    private final IdentityService identity;

    OrganisationController(OrganisationDirectory directory, CurrentCaller currentCaller, IdentityService identity) {
        this.directory = directory;
        this.currentCaller = currentCaller;
        this.identity = identity;
    }

    @GetMapping("/organisations")
    @Operation(summary = "The organisation tree: centres, mediation organisations and agencies")
    List<OrganisationNode> tree() {
        return directory.childrenOf(null).stream().map(this::node).toList();
    }

    private OrganisationNode node(Organisation o) {
        return new OrganisationNode(o.id(), o.code(), o.name(), o.type(), o.level(),
                directory.childrenOf(o.id()).stream().map(this::node).toList());
    }

    @GetMapping("/me")
    @Operation(summary = "The authenticated user, their groups (roles) and organisations")
    Me me() {
        Caller caller = currentCaller.get();
        User user = identity.createUserQuery().userId(caller.userId()).singleResult();
        String name = user == null ? caller.userId() : (user.getFirstName() + " " + user.getLastName()).trim();
        return new Me(caller.userId(), name, caller.groups().stream().sorted().toList(),
                caller.organisationIds().stream().sorted().map(directory::get)
                        .map(o -> new OrganisationRef(o.id(), o.name(), o.type(), o.level())).toList());
    }
}
