package org.fengqiao.dispute;

import java.util.Optional;

import org.fengqiao.shared.Caller;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.supervision.SupervisionTarget;
import org.springframework.stereotype.Component;

/** Lets supervisors issue 督办 on a dispute the caller can see ({@code targetType} DISPUTE). */
@Component
class DisputeSupervisionTarget implements SupervisionTarget {

    private final DisputeManagement disputes;

    DisputeSupervisionTarget(DisputeManagement disputes) {
        this.disputes = disputes;
    }

    @Override
    public String targetType() {
        return DisputeManagement.TARGET_TYPE;
    }

    @Override
    public Optional<String> visibleRef(String targetId, Caller caller) {
        try {
            return Optional.of(disputes.getVisible(targetId, caller).caseNo());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
