package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlings.verdict.Measurement;

class CheckReportTest {

    @BeforeEach
    void clean() {
        CheckReport.takeAll();
    }

    @Test
    void takeAllHandsOverNotesInOrderAndTheLastMeasurementThenForgets() {
        CheckReport.note("throughput: 1,000,000 increments/s");
        CheckReport.judged(new Measurement(1.2, 1.5, "×", true));
        CheckReport.note("second line");
        CheckReport.judged(new Measurement(1.7, 1.5, "×", true));

        CheckReport.Evidence evidence = CheckReport.takeAll();

        assertEquals(List.of("throughput: 1,000,000 increments/s", "second line"), evidence.notes());
        assertEquals(new Measurement(1.7, 1.5, "×", true), evidence.measurement());
        CheckReport.Evidence after = CheckReport.takeAll();
        assertEquals(List.of(), after.notes());
        assertNull(after.measurement());
    }
}
