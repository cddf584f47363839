package org.fengqiao.appeal.process;

import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.fengqiao.appeal.AppealManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks behind the handling task's non-interrupting timers (催办, 督办通知). */
@Configuration(proxyBeanMethods = false)
class AppealTimerDelegates {

    private final AppealManagement management;
    private final AppealProcessVariables variables;

    AppealTimerDelegates(AppealManagement management, AppealProcessVariables variables) {
        this.management = management;
        this.variables = variables;
    }

    private JavaDelegate timer(BiConsumer<AppealManagement, String> effect) {
        return execution -> {
            String appealId = (String) execution.getVariable(AppealProcess.APPEAL_ID);
            effect.accept(management, appealId);
            execution.getProcessInstance().setVariables(variables.of(management.get(appealId)));
        };
    }

    /** 办理期限届满：催办 */
    @Bean
    JavaDelegate appealReminderDelegate() {
        return timer(AppealManagement::handlingDue);
    }

    /** 逾期仍未办结：督办通知 */
    @Bean
    JavaDelegate appealNoticeDelegate() {
        return timer(AppealManagement::noticeDue);
    }
}
