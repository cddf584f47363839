package org.fengqiao.shared;

/**
 * One step of start-up (process deployment, reference and demo data), run in {@link org.springframework.core.annotation.Order}
 * by {@link StartupSequence} before the web server accepts a request or the job executor runs a job.
 */
public interface StartupStep {

    void run() throws Exception;
}
