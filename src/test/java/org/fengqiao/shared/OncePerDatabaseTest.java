package org.fengqiao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.fengqiao.shared.process.OncePerDatabase;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Start-up work done once per database (AccessSeeds' task links, custody's business keys), also when two nodes start together. */
@FengqiaoTest
class OncePerDatabaseTest {

    @Autowired ManagementService management;

    @Test
    @DisplayName("the work runs once: the property set with it makes every later start skip it")
    void runsOnce() {
        String property = "test.once." + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        int first = OncePerDatabase.run(management, property, () -> {
            runs.incrementAndGet();
            OncePerDatabase.done(management, property);
            return 3;
        });
        int second = OncePerDatabase.run(management, property, () -> runs.incrementAndGet());
        assertThat(first).isEqualTo(3);
        assertThat(second).isZero();
        assertThat(runs).hasValue(1);
        assertThat(management.getProperties()).containsKey(property);
    }

    @Test
    @DisplayName("another node finishing the same work first makes this node's attempt fail: it goes on instead of failing its start")
    void anotherNodeFinishedFirst() {
        String property = "test.once." + System.nanoTime();
        int answer = OncePerDatabase.run(management, property, () -> {
            // the other node commits the work and its property while this node's command is still open …
            management.setProperty(property, "other node");
            // … and this node's commit then fails on the rows the other node changed
            throw new OptimisticLockingException("the same executions were updated by another node");
        });
        assertThat(answer).isZero();
    }

    @Test
    @DisplayName("a failure that is not another node's success still fails the start")
    void realFailureStaysAFailure() {
        String property = "test.once." + System.nanoTime();
        assertThatThrownBy(() -> OncePerDatabase.run(management, property, () -> {
            throw new IllegalStateException("the database is broken");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(management.getProperties()).doesNotContainKey(property);
    }
}
