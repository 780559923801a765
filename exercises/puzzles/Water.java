package puzzles;

/*
 * Exercise water -- hydrogen and oxygen threads bond in molecules of H2O.
 *
 * Each thread is one atom: it calls hydrogen(bond) or oxygen(bond), once. An atom may not bond
 * alone: it must wait until two hydrogen atoms and one oxygen atom are there, and then those
 * three, and only those, run their bond steps, before any atom of the next molecule runs its
 * own. Read in threes, the bonds must always be two H and one O, and all three atoms of a
 * molecule must have arrived before the first of them bonds. Right now every atom bonds the
 * moment it arrives.
 *
 * What to do: let at most two hydrogen atoms and one oxygen atom into the next molecule (two
 * Semaphores, with 2 and 1 permits), make those three wait for each other (a CyclicBarrier of
 * 3), run the bond step, and only then give the place to the next atom of its kind.
 *
 * Edit the bodies of the two methods, and add the fields you need. Keep the class name and the
 * signatures: the checks call them, each atom from a thread of its own.
 *
 *   ./run.sh check water     grade it
 *   ./run.sh hint water      one hint at a time
 */
public final class Water {

    public void hydrogen(Runnable bond) throws InterruptedException {
        bond.run();
    }

    public void oxygen(Runnable bond) throws InterruptedException {
        bond.run();
    }
}
