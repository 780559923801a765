package org.threadlings.session;

import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Course;
import org.threadlings.examples.ExampleRunner;
import org.threadlings.grading.Grader;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.loading.CourseLoader;
import org.threadlings.progress.ProgressStore;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.workspace.CheckLock;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/**
 * The services every front end shares, created on first use and kept: in the interactive shell
 * and the full-screen UI one session serves every command, so the compiler stays warm, the
 * grading JVM's start-up cache is prepared once, and the course is parsed once.
 */
public final class Session implements AutoCloseable {

    private final Workspace workspace;
    private final boolean interactive;
    private Course course;
    private ProgressStore progress;
    private SourceCompiler compiler;
    private JvmLauncher jvm;
    private Grader grader;

    /** A session for one command: each grading starts its JVM when it begins. */
    public Session(Workspace workspace) {
        this(workspace, false);
    }

    private Session(Workspace workspace, boolean interactive) {
        this.workspace = workspace;
        this.interactive = interactive;
    }

    /**
     * A session for the shell and the full-screen UI, which grade again and again: the next
     * grading's JVM is started ahead of time. Close the session on exit.
     */
    public static Session interactive(Workspace workspace) {
        return new Session(workspace, true);
    }

    public Workspace workspace() {
        return workspace;
    }

    public synchronized Course course() throws CourseFormatException {
        if (course == null) {
            course = new CourseLoader(workspace.root()).load();
        }
        return course;
    }

    public synchronized ProgressStore progress() {
        if (progress == null) {
            progress = new ProgressStore(workspace.progressFile());
        }
        return progress;
    }

    public StarterStore starters() {
        return new StarterStore(workspace);
    }

    public synchronized Grader grader() {
        if (grader == null) {
            grader = (interactive ? Grader.withStandby(compiler(), jvm()) : new Grader(compiler(), jvm()))
                    .checkedAgainst(new CheckLock(workspace));
        }
        return grader;
    }

    public synchronized ExampleRunner examples() {
        return new ExampleRunner(compiler(), jvm());
    }

    public synchronized SourceCompiler compiler() {
        if (compiler == null) {
            compiler = new SourceCompiler();
        }
        return compiler;
    }

    /** Ends the grading JVM kept waiting, if any. */
    @Override
    public synchronized void close() {
        if (grader != null) {
            grader.close();
        }
    }

    private JvmLauncher jvm() {
        if (jvm == null) {
            jvm = JvmLauncher.forThisJvm();
        }
        return jvm;
    }
}
