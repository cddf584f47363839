package org.fengqiao.dispute.process;

import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks behind the model's timers. Each finds the case by the process instance's business key, lets the domain record what
 * the timer means (催办, 督办通知, return to triage) and refreshes the process variables and the cards of the
 * tasks still open.
 */
@Configuration(proxyBeanMethods = false)
class DisputeTimerDelegates {

    private final DisputeManagement management;
    private final DisputeProcessVariables variables;

    private final DisputeProcessGateway gateway;

    DisputeTimerDelegates(DisputeManagement management, DisputeProcessVariables variables, DisputeProcessGateway gateway) {
        this.management = management;
        this.variables = variables;
        this.gateway = gateway;
    }

    private JavaDelegate timer(BiConsumer<DisputeManagement, String> effect) {
        return execution -> {
            // the case of this process instance, never the caseId variable a user can rewrite
            String caseId = DisputeProcess.caseOf(execution, management);
            effect.accept(management, caseId);
            ProcessSteps.keepOnly(execution, DisputeProcess.KEPT);
            Map<String, Object> vars = variables.apply(execution.getProcessInstance(), management.get(caseId));
            // a task that stays open (non-interrupting timers, a parallel risk report) shows the case as it is now
            gateway.refreshCards(execution.getProcessInstanceId(), vars, null);
        };
    }

    /** 推送接收期限届满：退回研判并催办 */
    @Bean
    JavaDelegate acceptanceExpiredDelegate() {
        return timer(DisputeManagement::acceptanceExpired);
    }

    /** 调解期限预警：记录催办 */
    @Bean
    JavaDelegate mediationWarningDelegate() {
        return timer(DisputeManagement::mediationWarning);
    }

    /** 调解期限届满：标记超期并发督办通知 */
    @Bean
    JavaDelegate mediationExpiredDelegate() {
        return timer(DisputeManagement::mediationExpired);
    }

    /** 履行期限届满：催办履行 */
    @Bean
    JavaDelegate performanceOverdueDelegate() {
        return timer(DisputeManagement::performanceOverdue);
    }

    /** 法院审查期限（15 日）届满：督办通知 */
    @Bean
    JavaDelegate courtReviewOverdueDelegate() {
        return timer(DisputeManagement::courtReviewOverdue);
    }

    /** 退回法院材料期限届满：催办 */
    @Bean
    JavaDelegate materialsReturnOverdueDelegate() {
        return timer(DisputeManagement::materialsReturnOverdue);
    }

    /** 激化风险报告期限届满：督办通知 */
    @Bean
    JavaDelegate riskReportOverdueDelegate() {
        return timer(DisputeManagement::riskReportOverdue);
    }

    /** 法院 3 日内未决定是否受理：催办 */
    @Bean
    JavaDelegate courtAcceptanceOverdueDelegate() {
        return timer(DisputeManagement::courtAcceptanceOverdue);
    }

    /** 法院延长后的审查期限（15 + 10 日）届满：通报 */
    @Bean
    JavaDelegate courtReviewExtendedOverdueDelegate() {
        return timer(DisputeManagement::courtReviewExtendedOverdue);
    }
}
