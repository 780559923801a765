package org.threadlings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.threadlings.report.Symbols;

/**
 * The UI's event loop and navigation. One thread owns every view and all UI state: keys are
 * polled here, and work finished elsewhere (a check, an example's output, a saved file) arrives
 * as a task posted to this loop, so views never need locks. A frame is drawn after anything
 * changed, as a delta against the previous one.
 */
final class App {

    /** Smallest usable terminal; smaller gets a polite request to grow. */
    static final int MIN_WIDTH = 40;
    static final int MIN_HEIGHT = 10;

    private static final long POLL_MILLIS = 8;
    private static final long STATUS_MILLIS = 5000;
    private static final long ANIMATION_MILLIS = 120;

    private final Display display;
    private final Theme theme;
    private final Symbols symbols;
    private final Canvas.Glyph glyph;
    private final Telemetry telemetry;
    private final Deque<View> views = new ArrayDeque<>();
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final List<Runnable> onQuit = new ArrayList<>();
    private final List<java.util.function.BooleanSupplier> animations = new ArrayList<>();
    private long lastDraw;
    private Overlay overlay;
    private String status = "";
    private Role statusRole = Role.TEXT;
    private long statusUntil;
    private boolean running = true;
    private boolean firstFrameDrawn;
    private boolean completeRefresh = true;
    private String progressLabel = "";
    private ProblemsPanel problems = new ProblemsPanel(List.of());

    App(Display display, Theme theme, Symbols symbols, Telemetry telemetry) {
        this.display = display;
        this.theme = theme;
        this.symbols = symbols;
        this.glyph = symbols == Symbols.UNICODE ? Canvas.Glyph.UNICODE : Canvas.Glyph.ASCII;
        this.telemetry = telemetry;
    }

    Theme theme() {
        return theme;
    }

    Symbols symbols() {
        return symbols;
    }

    Canvas.Glyph glyph() {
        return glyph;
    }

    /** How the footer names the arrow keys. */
    String upDown() {
        return glyph == Canvas.Glyph.UNICODE ? "↑↓" : "Up/Down";
    }

    /** Runs {@code task} on the UI thread soon. Safe from any thread. */
    void post(Runnable task) {
        tasks.add(task);
    }

    void push(View view) {
        views.push(view);
    }

    /** Leaves the current view; leaving the last one ends the UI. */
    void back() {
        View left = views.pop();
        left.closed();
        if (views.isEmpty()) {
            quit();
        } else {
            views.peek().resumed();
        }
    }

    View current() {
        return views.peek();
    }

    void overlay(Overlay shown) {
        this.overlay = shown;
    }

    void status(String message, Role role) {
        status = message;
        statusRole = role;
        statusUntil = System.currentTimeMillis() + STATUS_MILLIS;
    }

    /** The overall progress shown at the right of the title bar ("2/9 done"). */
    void progressLabel(String label) {
        progressLabel = label;
    }

    /** Shows the problems of edited lesson files under every screen; an empty list takes them away. */
    void problems(List<org.threadlings.loading.Problem> found) {
        problems = new ProblemsPanel(found);
    }

    /** Tells every open view that the lessons were edited and reloaded: they show the new text. */
    void courseChanged(org.threadlings.course.Course course) {
        views.forEach(view -> view.courseChanged(course));
    }

    /** Redraws a few times a second while {@code active} holds: spinners, running clocks. */
    void animateWhile(java.util.function.BooleanSupplier active) {
        animations.add(active);
    }

    void onQuit(Runnable action) {
        onQuit.add(action);
    }

    void quit() {
        running = false;
    }

    /** Hands the terminal to {@code program} (an editor), then takes it back and redraws. */
    void suspendFor(ThrowingRunnable program) throws Exception {
        display.suspend();
        try {
            program.run();
        } finally {
            display.resume();
            completeRefresh = true;
        }
    }

    /** Work that may throw, run while the terminal is handed over. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    void run() {
        draw();
        while (running) {
            boolean changed = false;
            KeyStroke key = display.poll();
            long keyStart = System.nanoTime();
            if (key != null) {
                if (key.getKeyType() == KeyType.EOF) {
                    break; // the terminal went away
                }
                handle(key);
                changed = true;
            } else {
                Runnable task = nextTask();
                if (task != null) {
                    task.run();
                    Runnable more;
                    while ((more = tasks.poll()) != null) {
                        more.run();
                    }
                    changed = true;
                }
            }
            if (display.resized()) {
                completeRefresh = true;
                changed = true;
            }
            if (!status.isEmpty() && System.currentTimeMillis() > statusUntil) {
                status = "";
                changed = true;
            }
            if (!changed && System.currentTimeMillis() - lastDraw > ANIMATION_MILLIS
                    && animations.stream().anyMatch(java.util.function.BooleanSupplier::getAsBoolean)) {
                changed = true;
            }
            if (changed && running) {
                draw();
                if (key != null) {
                    telemetry.record("key-redraw-micros", (System.nanoTime() - keyStart) / 1000);
                }
            }
        }
        onQuit.forEach(Runnable::run);
        views.forEach(View::closed);
    }

    private Runnable nextTask() {
        try {
            return tasks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    private void handle(KeyStroke key) {
        if (Keys.ctrlC(key)) {
            quit();
            return;
        }
        if (overlay != null) {
            if (overlay.handle(key)) {
                overlay = null;
            }
            return;
        }
        View view = views.peek();
        if (view != null && view.handle(key)) {
            return;
        }
        if (Keys.is(key, '?')) {
            overlay = new HelpOverlay(view == null ? List.of() : view.keys());
        } else if (Keys.is(key, 'q') || Keys.escape(key)) {
            back();
        } else if (Keys.is(key, 'Q')) {
            quit();
        } else if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'l') {
            completeRefresh = true;
        }
    }

    private void draw() {
        lastDraw = System.currentTimeMillis();
        TerminalSize size = display.size();
        Canvas screen = new Canvas(display.graphics(), theme, glyph, 0, 0, size.getColumns(), size.getRows());
        screen.clear();
        if (size.getColumns() < MIN_WIDTH || size.getRows() < MIN_HEIGHT) {
            List<String> lines = org.threadlings.report.Wrap.lines("Please make the terminal at least "
                    + MIN_WIDTH + "×" + MIN_HEIGHT + " (it is " + size.getColumns() + "×" + size.getRows() + ").",
                    Math.max(10, size.getColumns()));
            for (int row = 0; row < lines.size(); row++) {
                screen.put(0, row, lines.get(row), Role.WARN);
            }
            display.refresh(true);
            return;
        }
        View view = views.peek();
        titleBar(screen, view);
        boolean showStatus = !status.isEmpty();
        int available = size.getRows() - 2 - (showStatus ? 1 : 0);
        int panelHeight = problems.height(size.getColumns(), available / 2);
        int contentHeight = available - panelHeight;
        if (view != null) {
            view.render(screen.region(0, 1, size.getColumns(), contentHeight));
        }
        if (panelHeight > 0) {
            problems.render(screen.region(0, 1 + contentHeight, size.getColumns(), panelHeight));
        }
        if (showStatus) {
            screen.fillRow(size.getRows() - 2, Role.TEXT);
            screen.put(1, size.getRows() - 2, status, statusRole);
        }
        footer(screen, view, size.getRows() - 1);
        if (overlay != null) {
            overlay.render(screen);
        }
        display.refresh(completeRefresh);
        completeRefresh = false;
        if (!firstFrameDrawn) {
            firstFrameDrawn = true;
            telemetry.record("first-frame-uptime-millis", Telemetry.uptimeMillis());
        }
    }

    private void titleBar(Canvas screen, View view) {
        screen.fillRow(0, Role.TITLE_BAR);
        String title = " Threadlings" + (view == null ? "" : " " + symbols.bullet() + " " + view.title());
        screen.put(0, 0, title, Role.TITLE_BAR);
        if (!progressLabel.isEmpty()) {
            int col = screen.width() - progressLabel.length() - 1;
            if (col > title.length() + 1) {
                screen.put(col, 0, progressLabel, Role.TITLE_BAR);
            }
        }
    }

    private void footer(Canvas screen, View view, int row) {
        screen.fillRow(row, Role.FOOTER);
        List<KeyHint> always = List.of(new KeyHint("?", "help"), new KeyHint("q", views.size() > 1 ? "back" : "quit"));
        int reserved = always.stream().mapToInt(App::hintWidth).sum();
        int col = 1;
        for (KeyHint hint : view == null ? List.<KeyHint>of() : view.keys()) {
            if (col + hintWidth(hint) > screen.width() - reserved) {
                break; // the help overlay lists the rest
            }
            col = putHint(screen, row, col, hint);
        }
        for (KeyHint hint : always) {
            col = putHint(screen, row, col, hint);
        }
    }

    private static int hintWidth(KeyHint hint) {
        return hint.key().length() + 1 + hint.label().length() + 2;
    }

    private static int putHint(Canvas screen, int row, int col, KeyHint hint) {
        int next = screen.put(col, row, hint.key(), Role.FOOTER_KEY);
        return screen.put(next, row, " " + hint.label() + "  ", Role.FOOTER);
    }
}
