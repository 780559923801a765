package org.threadlings.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlings.report.HumanReport;
import org.threadlings.report.JsonReport;
import org.threadlings.sandbox.ScratchDir;
import org.threadlings.session.Session;
import org.threadlings.tui.Rehearsal;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Hidden: what run.sh runs once after a build while the JVM records the engine's start-up
 * cache. It uses the code paths of an ordinary start (the course, progress, the UI's screens,
 * the compiler, the reports) without changing anything of the student's.
 */
@Command(name = "startup-training", hidden = true)
final class StartupTrainingCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Override
    public Integer call() throws Exception {
        Session session = root.session();
        session.course();
        Rehearsal.run(session);
        try (ScratchDir scratch = ScratchDir.create("threadlings-training")) {
            Path source = scratch.resolve("Warm.java");
            Files.writeString(source, "class Warm { int twice(int x) { return 2 * x; } }\n", StandardCharsets.UTF_8);
            session.compiler().compile(List.of(source), List.of(), scratch.resolve("classes"), List.of());
        }
        new HumanReport(root.console().symbols(), 80, Path::toString).total(List.of());
        new JsonReport(Path::toString).render(List.of());
        return ExitCodes.OK;
    }
}
