package org.threadlings.tui;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.markdown.Glyphs;
import org.threadlings.markdown.MarkdownRenderer;
import org.threadlings.report.Symbols;
import org.threadlings.session.Session;

/**
 * The full-screen course: {@code ./run.sh} with no command. Whatever happens inside, the
 * terminal is given back as it was, and an error is printed only after the screen is closed,
 * where it can be read.
 */
public final class CourseUi {

    private CourseUi() {
    }

    /** Whether both ends of this process are a terminal; run.sh says so. */
    public static boolean interactive() {
        return Boolean.parseBoolean(System.getProperty("threadlings.interactive", "false"));
    }

    /** Runs the UI until the student quits; returns an exit code. */
    public static int run(Session session, PrintStream err) {
        Coursework work;
        try {
            work = new SessionCoursework(session);
        } catch (CourseFormatException e) {
            e.problems().forEach(p -> err.println(p));
            err.println("The course files have problems (above); ./run.sh validate shows them too.");
            return 2;
        }
        Charset charset = terminalCharset();
        Throwable failure = null;
        try (Display display = Display.open(() -> terminal(charset))) {
            failure = runOn(display, work, charset, Telemetry.fromSystemProperty());
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            err.println("threadlings: the course view stopped because of an error: " + failure);
            failure.printStackTrace(err);
            err.println("Your progress and files are safe. ./run.sh check and ./run.sh list work without the view.");
            return 2;
        }
        return 0;
    }

    /** Builds the UI on a display and runs it; returns what went wrong, or null. Also used by tests. */
    static Throwable runOn(Display display, Coursework work, Charset charset, Telemetry telemetry) {
        boolean unicode = Glyphs.forCharset(charset) == Glyphs.UNICODE;
        App app = new App(display, Theme.forEnvironment(), unicode ? Symbols.UNICODE : Symbols.ASCII, telemetry);
        Gradings gradings = new Gradings(work, app, telemetry);
        Thread stopGrading = new Thread(gradings::cancel, "threadlings-ui-exit");
        Runtime.getRuntime().addShutdownHook(stopGrading); // SIGTERM: no grading JVM outlives the UI
        WatchMode watching = new WatchMode(work, app);
        MarkdownRenderer markdown = new MarkdownRenderer(unicode ? Glyphs.UNICODE : Glyphs.ASCII);
        LessonTexts texts = new LessonTexts(markdown);
        LessonPreview preview = new LessonPreview(work, app, texts, watching);
        try (gradings; watching; preview) {
            // After the first frame: the layout work must not delay it.
            app.post(() -> texts.prepare(work.course(), LessonTexts.width(display.size().getColumns())));
            app.post(preview::start);
            Ui ui = new Ui(app, work, gradings, markdown, texts, new Editor(System.getenv()), watching);
            watching.start(gradings);
            gradings.onVerdict((exercise, verdict) -> announce(ui, exercise, verdict));
            gradings.onVerdict((exercise, verdict) -> showProgress(app, work));
            app.animateWhile(gradings::busy);
            app.push(new CourseMapView(ui));
            List<String> warnings = work.takeWarnings();
            if (!warnings.isEmpty()) {
                app.status(warnings.get(0), Role.WARN);
            }
            app.run();
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopGrading);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }
    }

    /**
     * A verdict for an exercise the student is not looking at (saved from the editor while on
     * another screen) is announced, and a pass points to what comes next.
     */
    private static void announce(Ui ui, org.threadlings.course.Exercise exercise,
                                 org.threadlings.verdict.Verdict verdict) {
        if (ui.app().current() instanceof ExerciseView view && view.exercise().id().equals(exercise.id())) {
            return;
        }
        if (verdict.passed()) {
            ui.app().status(exercise.id() + " passes. Press c on the course map to continue with the next one.", Role.PASS);
        } else {
            ui.app().status(exercise.id() + ": " + verdict.status().label() + ". Open it for the details.", Role.FAIL);
        }
    }

    /** The title bar's "2/9 done". */
    static void showProgress(App app, Coursework work) {
        org.threadlings.progress.Progress progress = work.progress();
        long total = work.course().exercises().count();
        long done = work.course().exercises().filter(e -> progress.isDone(e.id())).count();
        app.progressLabel(done + "/" + total + " done");
    }

    private static Terminal terminal(Charset charset) throws IOException {
        return new DefaultTerminalFactory(System.out, System.in, charset)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
    }

    private static Charset terminalCharset() {
        try {
            return Charset.forName(System.getProperty("stdout.encoding", Charset.defaultCharset().name()));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
