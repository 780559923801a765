package org.threadlings.shell;

import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.progress.Position;
import org.threadlings.session.Session;

/** {@code threadlings (counter-atomic)> }: where the student is, read afresh for every prompt. */
final class Prompt {

    private final Session session;
    private final boolean colour;

    Prompt(Session session, boolean colour) {
        this.session = session;
        this.colour = colour;
    }

    String text() {
        AttributedStringBuilder prompt = new AttributedStringBuilder()
                .style(AttributedStyle.BOLD).append("threadlings").style(AttributedStyle.DEFAULT);
        String where = where();
        if (!where.isEmpty()) {
            prompt.append(" (").style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(where)
                    .style(AttributedStyle.DEFAULT).append(")");
        }
        prompt.append("> ");
        return colour ? prompt.toAnsi() : prompt.toString();
    }

    private String where() {
        try {
            Course course = session.course();
            return Position.current(course, session.progress().load()).map(Exercise::id).orElse("all done");
        } catch (CourseFormatException e) {
            // the commands report the problems; the prompt just goes without a position
            return "";
        }
    }
}
