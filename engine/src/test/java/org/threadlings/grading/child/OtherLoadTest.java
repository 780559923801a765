package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OtherLoadTest {

    private static OtherLoad.Ticks ticks(long user, long idle, long steal, long self) {
        return OtherLoad.parse(List.of(
                "cpu  " + user + " 0 0 " + idle + " 0 0 0 " + steal + " 0 0",
                "cpu0 1 0 0 1 0 0 0 0 0 0",
                "cpu1 1 0 0 1 0 0 0 0 0 0",
                "intr 12345"), "4242 (java (checks)) S 1 2 3 4 5 6 7 8 9 10 " + self + " 0 0 0");
    }

    @Test
    void reads_busy_all_cores_and_own_time() {
        OtherLoad.Ticks t = ticks(300, 100, 50, 120);
        assertEquals(350, t.busy());
        assertEquals(450, t.all());
        assertEquals(2, t.cores());
        assertEquals(120, t.self());
    }

    @Test
    void others_are_the_machine_busy_time_minus_our_own_in_cores() {
        // 10 s on 2 cores = 2,000 ticks; the machine was busy 1,800 of them, we used 800.
        OtherLoad.Ticks before = ticks(0, 0, 0, 0);
        OtherLoad.Ticks after = ticks(1_500, 200, 300, 800);
        assertEquals(1.0, OtherLoad.between(before, after).getAsDouble(), 1e-9);
    }

    @Test
    void programs_at_a_lowered_priority_are_not_other_load() {
        OtherLoad.Ticks before = OtherLoad.parse(List.of("cpu  0 0 0 0 0 0 0 0 0 0", "cpu0 1", "cpu1 1"),
                "1 (java) S 1 2 3 4 5 6 7 8 9 10 0 0 0 0");
        OtherLoad.Ticks after = OtherLoad.parse(List.of("cpu  1000 900 0 100 0 0 0 0 0 0", "cpu0 1", "cpu1 1"),
                "1 (java) S 1 2 3 4 5 6 7 8 9 10 1000 0 0 0");
        assertEquals(0.0, OtherLoad.between(before, after).getAsDouble(), 1e-9);
    }

    @Test
    void our_own_busy_threads_are_not_other_load() {
        OtherLoad.Ticks before = ticks(0, 0, 0, 0);
        OtherLoad.Ticks after = ticks(1_950, 50, 0, 1_950);
        assertEquals(0.0, OtherLoad.between(before, after).getAsDouble(), 1e-9);
    }

    @Test
    void no_figure_without_time_passing_or_without_proc() {
        OtherLoad.Ticks same = ticks(10, 10, 0, 5);
        assertEquals(OptionalDouble.empty(), OtherLoad.between(same, same));
        assertEquals(OptionalDouble.empty(), OtherLoad.between(null, same));
    }

    @Test
    void this_machine_gives_a_figure() {
        OptionalDouble cores = OtherLoad.startNow().cores();
        // Time may not have moved on by one tick yet; when it has, the figure is sane.
        cores.ifPresent(c -> assertTrue(c >= 0 && c <= Runtime.getRuntime().availableProcessors() + 1, "" + c));
    }
}
