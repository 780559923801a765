package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;

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

    static class ShapeCheck {
        @Test
        void usesALock() {
        }
    }

    @Test
    void no_names_select_every_check_class() {
        List<DiscoverySelector> selectors = ChildMain.selectors(List.of(ExactCheck.class, ShapeCheck.class), List.of());

        assertEquals(List.of(ExactCheck.class, ShapeCheck.class),
                selectors.stream().map(s -> ((ClassSelector) s).getJavaClass()).toList());
    }

    @Test
    void a_name_selects_that_method_alone_wherever_it_is() {
        List<DiscoverySelector> selectors = ChildMain.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("usesALock"));

        assertEquals(1, selectors.size());
        MethodSelector method = (MethodSelector) selectors.get(0);
        assertEquals(ShapeCheck.class, method.getJavaClass());
        assertEquals("usesALock", method.getMethodName());
    }

    @Test
    void a_name_brings_the_checks_ordered_before_it_since_it_may_build_on_them() {
        List<DiscoverySelector> selectors = ChildMain.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("fast"));

        assertEquals(List.of("exact", "fast"), selectors.stream().map(s -> ((MethodSelector) s).getMethodName()).sorted()
                .toList());
    }

    @Test
    void a_name_no_class_has_runs_everything_so_the_run_can_say_so() {
        List<DiscoverySelector> selectors = ChildMain.selectors(List.of(ExactCheck.class, ShapeCheck.class),
                List.of("leftovers"));

        assertEquals(2, selectors.size());
    }
}
