package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.CheckReport;

/** Run by the grading JVM before it receives its job: see {@link ChildMain}. */
class WarmUpCheck {

    @Test
    @Order(1)
    @DisplayName("warm up")
    void warm_up() {
        CheckReport.note("warm");
        assertEquals(2, 1 + 1);
    }
}
