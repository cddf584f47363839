package org.fengqiao.appeal;

import java.util.Optional;

import org.fengqiao.shared.Caller;
import org.fengqiao.supervision.SupervisionTarget;
import org.springframework.stereotype.Component;

/** Lets supervisors issue 督办 on an appeal the caller can see ({@code targetType} APPEAL). */
@Component
class AppealSupervisionTarget implements SupervisionTarget {

    private final Appeals appeals;
    private final AppealAccess access;

    AppealSupervisionTarget(Appeals appeals, AppealAccess access) {
        this.appeals = appeals;
        this.access = access;
    }

    @Override
    public String targetType() {
        return AppealManagement.TARGET_TYPE;
    }

    @Override
    public Optional<String> visibleRef(String targetId, Caller caller) {
        return appeals.find(targetId).filter(a -> access.canSee(a, caller)).map(Appeal::ticketNo);
    }
}
