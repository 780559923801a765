package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void aSpeedUpOnOneProcessorIsSentToTwoCoresWithoutTalkOfRaces() {
        // A one-core speed-up verdict once ended with the race advice ("too rarely to tell a race
        // from none. Check again"): neither what was observed nor worth trying again.
        String advice = Machine.adviceForSpeedUps(1);

        assertTrue(advice.contains("single processor") && advice.contains("needs two cores"), advice);
        assertFalse(advice.contains("race") || advice.contains("Check again"), advice);
    }

    @Test
    void aRaceOnOneProcessorMayShowNextTime() {
        String advice = Machine.adviceForRaces(1);

        assertTrue(advice.contains("single processor") && advice.contains("too rarely to tell a race")
                && advice.contains("Check again"), advice);
    }

    @Test
    void threadsThatMustWorkSideBySideAreSentToTwoCores() {
        String advice = Machine.adviceForSideBySide(1);

        assertTrue(advice.contains("single processor") && advice.contains("no two of them ever work at the same moment")
                && advice.contains("needs two cores"), advice);
        assertFalse(advice.contains("Check again"), advice);
    }

    @Test
    void withTwoCoresEachBlamesABusyMachine() {
        String advice = Machine.adviceForRaces(2);

        assertEquals(advice, Machine.adviceForSpeedUps(2));
        assertEquals(advice, Machine.adviceForSideBySide(2));
        assertTrue(advice.contains("(2 processors) was too busy") && advice.contains("Close other busy programs"),
                advice);
    }
}
