package org.fengqiao.support;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Timers as the job executor would fire them once the test has moved the engine clock, and what a card then shows. */
public final class EngineTimers {

    private EngineTimers() {
    }

    /** Executes every timer of the instance that is due at the (moved) engine clock, earliest first; answers how many. */
    public static int fireDue(ManagementService management, String processInstanceId) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1000);
        List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers().duedateLowerThan(now)
                .list().stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
        due.forEach(job -> management.executeJob(job.getId()));
        return due.size();
    }

    /** A deadline as a task card's 期限 writes it (Shanghai time, to the minute), without the 已届满 note. */
    public static String cardDeadline(OffsetDateTime due) {
        return DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(due.atZoneSameInstant(ZoneId.of("Asia/Shanghai")));
    }
}
