package org.threadlings.cli;

import org.threadlings.session.Session;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.threadlings.loading.CourseLoader;
import org.threadlings.tui.CourseUi;
import org.threadlings.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code ./run.sh [COMMAND]}. Without a command it opens the course. */
@Command(name = "threadlings",
        versionProvider = ThreadlingsCommand.Version.class,
        description = {"Learn Java concurrency by doing: threads, executors, processes and async.",
                "Without a command, opens the course in a full-screen terminal UI."},
        subcommands = {CheckCommand.class, ListCommand.class, HintCommand.class, ResetCommand.class,
                RunCommand.class, ValidateCommand.class, NewCommand.class, CompletionCommand.class, StartupTrainingCommand.class},
        footer = {"", "Exit codes: 0 everything passed, 1 something did not pass, "
                + "2 usage, course-format or internal error.",
                "Docs: README.md (students), lessons/README.md (lesson authors)."})
public final class ThreadlingsCommand implements Callable<Integer> {

    // Inherited: every command answers --help, as the README says; --version stays the root's.
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    // Instructors point every command at another course; the variable lets a whole terminal
    // session (or an editor's task runner) do so without repeating the option.
    @Option(names = "--course", paramLabel = "DIR", defaultValue = "${env:THREADLINGS_COURSE}",
            scope = CommandLine.ScopeType.INHERIT,
            description = "The course folder: lessons/, exercises/, solutions/ "
                    + "(default: $THREADLINGS_COURSE, else the folder run.sh is in).")
    Path courseDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;
    private Session session;

    public ThreadlingsCommand(Console console) {
        this.console = console;
    }

    /** For the interactive shell: commands share one session. */
    public ThreadlingsCommand(Session session, Console console) {
        this.console = console;
        this.session = session;
    }

    public synchronized Session session() {
        if (session == null) {
            session = new Session(new Workspace(courseRoot()));
            // A damaged progress file is set aside on first load; say so before anything else.
            session.progress().load();
            session.progress().takeWarnings().forEach(console::error);
        }
        return session;
    }

    private Path courseRoot() {
        return courseDir != null ? courseDir.toAbsolutePath().normalize() : defaultCourse();
    }

    public Console console() {
        return console;
    }

    private static Path defaultCourse() {
        return Path.of(System.getProperty("threadlings.course", ".")).toAbsolutePath().normalize();
    }

    /** No command: the full-screen course, when there is a terminal to show it on. */
    @Override
    public Integer call() {
        return openCourse(console, courseRoot());
    }

    /** The full-screen course view of the default course folder. */
    public static int openCourse(Console console) {
        return openCourse(console, defaultCourse());
    }

    private static int openCourse(Console console, Path courseRoot) {
        if (!CourseUi.interactive()) {
            console.error("The course view needs a terminal. From a script or CI, use ./run.sh check to grade "
                    + "and ./run.sh list to see the exercises (./run.sh --help for more).");
            return ExitCodes.USAGE;
        }
        // Its own session: the UI keeps a grading JVM warm between saves, which the CLI must not.
        try (Session interactive = Session.interactive(new Workspace(courseRoot))) {
            return CourseUi.run(interactive, System.err);
        }
    }

    /** {@code --version}: the engine and the lesson format it reads. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ThreadlingsCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "Threadlings " + (version == null ? "(development build)" : version),
                "lesson format " + CourseLoader.FORMAT + ", Java " + Runtime.version()
                        + " (" + System.getProperty("java.vendor", "") + ")"
            };
        }
    }
}
