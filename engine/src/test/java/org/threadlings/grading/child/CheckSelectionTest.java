package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.threadlings.checks.BuildsOn;

/** Which checks a grading runs: all of them, or the ones validation names for a wrong answer. */
class CheckSelectionTest {

    static class ExactCheck {
        @Test
        @Order(1)
        void exact() {
        }

        @Test
        @Order(2)
        void fast() {
        }
    }

    static class TimedCheck {
        @Test
        @Order(1)
        void exact() {
        }

        @Test
        @Order(2)
        void runTogether() {
        }

        @Test
        @Order(3)
        @BuildsOn("runTogether")
        void faster() {
        }

        @Test
        @Order(4)
        @BuildsOn("faster")
        void scales() {
        }
    }

    static class ShapeCheck {
        @Test
        void usesALock() {
        }
    }

    @Test
    void no_names_select_every_check_class() {
        List<DiscoverySelector> selectors = ChecksToRun.selectors(List.of(ExactCheck.class, ShapeCheck.class), List.of());

        assertEquals(List.of(ExactCheck.class, ShapeCheck.class),
                selectors.stream().map(s -> ((ClassSelector) s).getJavaClass()).toList());
    }

    @Test
    void a_name_selects_that_method_alone_wherever_it_is() {
        List<DiscoverySelector> selectors = ChecksToRun.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("usesALock"));

        assertEquals(1, selectors.size());
        MethodSelector method = (MethodSelector) selectors.get(0);
        assertEquals(ShapeCheck.class, method.getJavaClass());
        assertEquals("usesALock", method.getMethodName());
    }

    @Test
    void a_name_leaves_out_the_checks_ordered_before_it_that_it_does_not_build_on() {
        List<DiscoverySelector> selectors = ChecksToRun.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("fast"));

        assertEquals(List.of("fast"), names(selectors));
    }

    @Test
    void a_name_brings_the_checks_it_builds_on_and_theirs_in_their_order() {
        List<DiscoverySelector> selectors = ChecksToRun.selectors(List.of(TimedCheck.class, ShapeCheck.class),
                List.of("scales"));

        assertEquals(List.of("runTogether", "faster", "scales"), names(selectors));
    }

    private static List<String> names(List<DiscoverySelector> selectors) {
        return selectors.stream().map(s -> ((MethodSelector) s).getMethodName()).toList();
    }

    static class MisspeltCheck {
        @Test
        @Order(1)
        void runTogether() {
        }

        @Test
        @Order(2)
        @BuildsOn("runsTogether")
        void faster() {
        }

        @Test
        @Order(3)
        @BuildsOn("slower")
        void slower() {
        }
    }

    @Test
    void a_builds_on_that_names_no_earlier_check_is_a_problem_of_the_course() {
        List<String> problems = ChecksToRun.misdeclared(List.of(TimedCheck.class, MisspeltCheck.class));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("@BuildsOn(\"runsTogether\") on MisspeltCheck.faster names no check of "
                + "MisspeltCheck ordered before it (its checks: "), problems.get(0));
        assertTrue(problems.get(1).startsWith("@BuildsOn(\"slower\") on MisspeltCheck.slower"), problems.get(1));
    }

    @Test
    void a_name_no_class_has_runs_everything_so_the_run_can_say_so() {
        List<DiscoverySelector> selectors = ChecksToRun.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("leftovers"));

        assertEquals(2, selectors.size());
    }
}
