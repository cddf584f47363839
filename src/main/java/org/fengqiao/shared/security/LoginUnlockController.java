package org.fengqiao.shared.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/users/{id}/unlock}: an admin lifts the login throttle of a user at once (204). */
@RestController
class LoginUnlockController {

    private final CurrentCaller callers;
    private final LoginThrottle throttle;
    private final IdentityService identity;

    LoginUnlockController(CurrentCaller callers, LoginThrottle throttle, IdentityService identity) {
        this.callers = callers;
        this.throttle = throttle;
        this.identity = identity;
    }

    @PostMapping("/api/admin/users/{id}/unlock")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unlock(@PathVariable String id,
                                // no body is needed; one that is not JSON is a 415 like on every other POST
                                @org.springframework.web.bind.annotation.RequestBody(required = false) Map<String, Object> ignored) {
        Caller caller = callers.get();
        if (!caller.groups().contains(Caller.ADMIN_GROUP)) {
            throw new ForbiddenException("仅系统管理员可以解除登录限制 (admins only)");
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            throw new NotFoundException("用户 (user)", id);
        }
        throttle.unlock(id);
        return ResponseEntity.noContent().build();
    }
}
