package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** One screen of the UI: what it shows, the keys it takes, and the keys it advertises. */
interface View {

    /** Shown in the title bar. */
    String title();

    void render(Canvas canvas);

    /** Handles a key; false passes it on to the global keys (help, back, quit). */
    boolean handle(KeyStroke key);

    /** The keys shown in the footer, most useful first; the help overlay shows them all. */
    List<KeyHint> keys();

    /** Called when the view comes back to the top, for instance to refresh what it shows. */
    default void resumed() {
    }

    /**
     * Called when the lessons were edited and the course reloaded: a view showing a lesson, an
     * exercise or a question takes the new version of it, by id, and stays where the reader was.
     */
    default void courseChanged(org.threadlings.course.Course course) {
    }

    /** Called when the view leaves for good. */
    default void closed() {
    }
}
