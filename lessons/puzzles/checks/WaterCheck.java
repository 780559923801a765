package puzzles.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import puzzles.Water;

/**
 * Exercise water: atoms bond in molecules of two H and one O. The check's own threads are the
 * atoms; each writes to one log when it arrives (just before calling hydrogen() or oxygen()),
 * when its bond step starts and when it ends. Read in threes, the bonds must be 2 H + 1 O, every
 * atom of a molecule must have arrived before the molecule's first bond, and every bond of a
 * molecule must have ended before the next molecule's first bond starts.
 *
 * <p>The end of a bond is logged because the typical mistake, giving the place back before the
 * bond, only shows while a bond is still running: logged at its start alone, the next molecule
 * had a window of a few nanoseconds to slip in, and a wrong answer passed.
 */
class WaterCheck {

    /** How long atoms whose molecule is complete may take to bond: generous for a busy machine. */
    private static final long WAKE_MILLIS = 3_000;

    /** What an atom did: arrived (about to call in), started its bond step, ended it. */
    private enum Step { ARRIVED, BONDED, DONE }

    /** One entry of the log. */
    private record Entry(Step step, Thread atom, char element) {
    }

    /** One Water, its atoms, and what they did, in the order it happened. */
    private static final class Flask {
        final Water water = new Water();
        final Queue<Entry> log = new ConcurrentLinkedQueue<>();
        final Crew crew = new Crew();
        final List<Character> arrivals = new ArrayList<>();
        int atoms;

        Thread add(char element, long delayNanos, long bondNanos) {
            atoms++;
            arrivals.add(element);
            int number = arrivals.size();
            return crew.start((element == 'H' ? "hydrogen " : "oxygen ") + number, () -> {
                Crew.pause(delayNanos);
                Thread me = Thread.currentThread();
                log.add(new Entry(Step.ARRIVED, me, element));
                Runnable bond = () -> {
                    log.add(new Entry(Step.BONDED, me, element));
                    Crew.pause(bondNanos);
                    log.add(new Entry(Step.DONE, me, element));
                };
                if (element == 'H') {
                    water.hydrogen(bond);
                } else {
                    water.oxygen(bond);
                }
            });
        }

        /** Adds one atom and waits until it is waiting (or done), so the arrival order is exact. */
        void arrive(char element) {
            Thread atom = add(element, 0, 0);
            Crew.within(200, () -> Crew.notRunning(atom));
        }

        List<Entry> bonds() {
            return log.stream().filter(e -> e.step() == Step.BONDED).toList();
        }

        /** No atom may have bonded after the first {@code before} bonds: {@code why} says what is missing. */
        void expectNoBondYet(int before, String why) {
            Crew.within(300, () -> bonds().size() > before || crew.anyThrew());
            crew.failIfAnyThrew("atoms waited (" + why + ")");
            if (bonds().size() > before) {
                Entry first = bonds().get(before);
                throw new AssertionFailedError("\"" + first.atom().getName() + "\" bonded although " + why + " (atoms "
                        + "so far: " + arrivalsText() + "). An atom must wait until two hydrogen atoms and one oxygen "
                        + "atom are there, then bond with exactly those: make the atoms in the molecule's places wait "
                        + "for each other (a CyclicBarrier of 3) before they bond.");
            }
        }

        /**
         * Waits for every atom to bond, then reads the bonds in threes. With {@code inTurn}, also
         * requires each molecule's bonds to have ended before the next molecule's first: the
         * randomised check's question. The checks with a fixed arrival order leave it to that one,
         * so that a mistake there shows as one failing check, not as a check that passes one time
         * and fails the next. Returns how many molecules had all three atoms there before the
         * molecule ahead of them had ended its bonds: each was a chance for a wrong answer to let
         * them in too early.
         */
        int expectMolecules(String setting, boolean inTurn) {
            try {
                Crew.within(WAKE_MILLIS, () -> crew.allDone() || crew.anyThrew());
                crew.failIfAnyThrew(setting);
                if (!crew.allDone()) {
                    throw new AssertionFailedError("Still waiting " + WAKE_MILLIS / 1000 + " s after the last atom "
                            + "came (" + setting + "): " + bonds().size() + " of " + atoms + " atoms bonded; still "
                            + "inside: " + crew.stillThere() + ". Every atom of a complete molecule must bond and "
                            + "return. Give each place back (release) after the bond, and let the barrier reset "
                            + "itself for the next molecule (a CyclicBarrier does; a CountDownLatch does not).");
                }
                List<Entry> all = List.copyOf(log);
                List<Entry> bonds = bonds();
                int heldBack = 0;
                for (int m = 0; m * 3 < bonds.size(); m++) {
                    List<Entry> molecule = bonds.subList(3 * m, Math.min(bonds.size(), 3 * m + 3));
                    long h = molecule.stream().filter(e -> e.element() == 'H').count();
                    String formula = formula(molecule);
                    if (molecule.size() == 3 && (h != 2)) {
                        throw new AssertionFailedError("Molecule " + (m + 1) + " was " + formula + " (" + setting + "; "
                                + "bonds in order: " + formula(bonds) + "). Read in threes, the bonds must be two H and "
                                + "one O each time. Let only two hydrogen atoms and one oxygen atom into a molecule "
                                + "(Semaphores of 2 and 1), and give a place back only after its atom has bonded, so "
                                + "the next molecule's atoms cannot slip in between.");
                    }
                    int firstBond = all.indexOf(molecule.get(0));
                    int lastArrival = -1;
                    for (Entry atom : molecule) {
                        int arrived = all.indexOf(new Entry(Step.ARRIVED, atom.atom(), atom.element()));
                        lastArrival = Math.max(lastArrival, arrived);
                        if (arrived > firstBond) {
                            throw new AssertionFailedError("In molecule " + (m + 1) + " (" + formula + "), \""
                                    + molecule.get(0).atom().getName() + "\" bonded before \"" + atom.atom().getName()
                                    + "\" had even arrived (" + setting + "). The three atoms of a molecule must all "
                                    + "be there before any of them bonds: wait for each other at a barrier of 3.");
                        }
                    }
                    if (inTurn && m > 0
                            && aheadStillBonding(all, bonds.subList(3 * m - 3, 3 * m), firstBond, m, formula, setting)
                            > lastArrival) {
                        heldBack++;
                    }
                }
                return heldBack;
            } finally {
                crew.dismiss();
            }
        }

        /**
         * Fails if a bond of the molecule ahead ended after {@code firstBond}, the start of the next
         * molecule's first bond; returns where in the log the last of them ended.
         */
        private static int aheadStillBonding(List<Entry> all, List<Entry> ahead, int firstBond, int m, String formula,
                                             String setting) {
            int lastEnd = -1;
            for (Entry atom : ahead) {
                int ended = all.indexOf(new Entry(Step.DONE, atom.atom(), atom.element()));
                if (ended > firstBond) {
                    throw new AssertionFailedError("Molecule " + (m + 1) + " (" + formula + ") began to bond while \""
                            + atom.atom().getName() + "\" of molecule " + m + " was still bonding (" + setting + "). "
                            + "A molecule's three bond steps must all end before the next molecule's first begins. "
                            + "Give an atom's place back (release) only after its bond step has returned, in a "
                            + "finally block: then the next molecule cannot form while this one is still bonding.");
                }
                lastEnd = Math.max(lastEnd, ended);
            }
            return lastEnd;
        }

        String arrivalsText() {
            StringBuilder text = new StringBuilder();
            arrivals.forEach(text::append);
            return text.toString();
        }

        private static String formula(List<Entry> entries) {
            StringBuilder text = new StringBuilder();
            entries.forEach(e -> text.append(e.element()));
            return text.toString();
        }
    }

    @Test
    @Order(1)
    @DisplayName("no atom bonds before its molecule is complete (H, H and a late O; then O, H and a late H)")
    void waitsForAFullMolecule() {
        Flask flask = new Flask();
        try {
            flask.arrive('H');
            flask.arrive('H');
            flask.expectNoBondYet(0, "no oxygen atom had come yet");
            flask.arrive('O');
            Crew.within(WAKE_MILLIS, () -> flask.bonds().size() == 3 || flask.crew.anyThrew());
            flask.arrive('O');
            flask.arrive('H');
            flask.expectNoBondYet(3, "the second molecule had only one hydrogen atom yet");
            flask.arrive('H');
        } catch (RuntimeException | Error e) {
            flask.crew.dismiss();
            throw e;
        }
        flask.expectMolecules("atoms arrived as HHO, then OH and a late H", false);
        CheckReport.note("2 molecules, each bonded only once complete");
    }

    @Test
    @Order(2)
    @DisplayName("bonds come in molecules of 2 H + 1 O (atoms one by one as HHHHOO, OOHHHH and HOHOHH)")
    void groupsOfTwoAndOne() {
        for (String order : List.of("HHHHOO", "OOHHHH", "HOHOHH")) {
            Flask flask = new Flask();
            for (char element : order.toCharArray()) {
                flask.arrive(element);
            }
            flask.expectMolecules("atoms arrived one by one as " + order, false);
        }
        CheckReport.note("HHHHOO, OOHHHH and HOHOHH each gave two molecules of 2 H + 1 O");
    }

    @Test
    @Order(3)
    @DisplayName("2 H + 1 O every time, one molecule's bonds before the next's, under randomised arrivals and bond "
            + "lengths")
    void randomised() {
        Stress.trials().within(Duration.ofMillis(1500)).atLeast(10).atMost(200).informative(5).run(trial -> {
            int molecules = trial.between(1, 12);
            List<Character> atoms = new ArrayList<>();
            for (int m = 0; m < molecules; m++) {
                atoms.add('H');
                atoms.add('H');
                atoms.add('O');
            }
            for (int i = atoms.size() - 1; i > 0; i--) {
                int j = trial.between(0, i);
                atoms.set(i, atoms.set(j, atoms.get(i)));
            }
            long bond = trial.between(0, 200_000);
            Flask flask = new Flask();
            for (char element : atoms) {
                flask.add(element, trial.between(0, 500_000), trial.random().nextLong(bond + 1));
            }
            String setting = Words.plural(molecules, "molecule", "molecules") + ", atoms started as "
                    + flask.arrivalsText() + ", bonds up to " + bond / 1_000 + " us";
            trial.describe(setting);
            if (flask.expectMolecules(setting, true) == 0) {
                trial.uninformative("no molecule had its three atoms there while the molecule ahead was still "
                        + "bonding, so none could have slipped in early");
            }
        });
    }
}
