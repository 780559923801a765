package org.threadlings.grading;

import java.util.List;
import org.threadlings.grading.protocol.ChildEvent.PlannedCheck;
import org.threadlings.verdict.CheckResult;

/** Live progress of one grading, for front ends that show it as it happens. */
public interface GradingListener {

    GradingListener NONE = new GradingListener() {
    };

    enum Phase { COMPILING, RUNNING_CHECKS }

    default void phase(Phase phase) {
    }

    default void planned(List<PlannedCheck> checks) {
    }

    default void checkStarted(String checkId) {
    }

    default void checkFinished(CheckResult result) {
    }
}
