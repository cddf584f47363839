package org.fengqiao.shared.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.fengqiao.shared.Caller;
import org.fengqiao.shared.CallerDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The authenticated caller of the current request, with roles and organisations. */
@Component
public class CurrentCaller {

    private final CallerDirectory directory;

    CurrentCaller(CallerDirectory directory) {
        this.directory = directory;
    }

    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        Set<String> groups = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(auth.getName(), groups, directory.organisationsOf(auth.getName()));
    }
}
