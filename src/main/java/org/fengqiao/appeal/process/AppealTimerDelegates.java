package org.fengqiao.appeal.process;

import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.fengqiao.appeal.AppealManagement;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks behind the handling task's non-interrupting timers (催办, 督办通知). */
@Configuration(proxyBeanMethods = false)
class AppealTimerDelegates {

    private final AppealManagement management;
    private final AppealProcessVariables variables;
    private final AppealProcessGateway gateway;

    AppealTimerDelegates(AppealManagement management, AppealProcessVariables variables, AppealProcessGateway gateway) {
        this.management = management;
        this.variables = variables;
        this.gateway = gateway;
    }

    private JavaDelegate timer(BiConsumer<AppealManagement, String> effect) {
        return execution -> {
            // the appeal of this process instance, never the appealId variable a user can rewrite
            String appealId = AppealProcess.appealOf(execution, management);
            effect.accept(management, appealId);
            ProcessSteps.keepOnly(execution, AppealProcess.KEPT);
            Map<String, Object> vars = variables.of(management.get(appealId));
            execution.getProcessInstance().setVariables(vars);
            // the handling task stays open (non-interrupting timer): its card shows the deadline as passed now
            gateway.refreshCards(execution.getProcessInstanceId(), vars, null);
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
