package org.threadlings.grading.child;

import java.io.IOException;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.threadlings.diagnosis.DeadlockDetector;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.grading.protocol.ChildJob;
import org.threadlings.grading.protocol.EventSeal;
import org.threadlings.sandbox.ScratchDir;

/**
 * A representative grading run used to record an ahead-of-time cache of the grading JVM: the
 * classes a real run loads (the JUnit Platform, the checks toolkit, JSON) are then mapped ready
 * to use instead of being loaded and linked on every start.
 */
final class Training {

    private Training() {
    }

    static void run(Launcher launcher) throws IOException {
        try (ScratchDir dir = ScratchDir.create("threadlings-training")) {
            ChildJob job = new ChildJob(List.of(), List.of(TrainingCheck.class.getName()), 60_000,
                    dir.resolve("events.jsonl").toString(), List.of(TrainingCheck.class.getPackageName()),
                    EventSeal.newKey(), CheckSelection.all());
            Leftovers leftovers = new Leftovers();
            ExitWitness witness = new ExitWitness(leftovers);
            witness.register();
            ChildMain.run(job, launcher, leftovers, witness);
            DeadlockDetector.findNew();
        }
        System.exit(0); // a normal exit, so that the JVM writes the cache it was asked to record
    }
}
