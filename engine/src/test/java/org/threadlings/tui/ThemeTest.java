package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlings.markdown.Mark;

class ThemeTest {

    @Test
    void monochrome_uses_no_colour_at_all_but_still_tells_roles_apart() {
        Theme mono = Theme.monochrome();
        assertFalse(mono.isColour());
        for (Role role : Role.values()) {
            Style style = mono.role(role);
            assertEquals(TextColor.ANSI.DEFAULT, style.foreground(), role.name());
            assertEquals(TextColor.ANSI.DEFAULT, style.background(), role.name());
        }
        for (Mark mark : Mark.values()) {
            assertEquals(TextColor.ANSI.DEFAULT, mono.marks(Set.of(mark)).foreground(), mark.name());
        }
        // what matters still shows: the selection, failures, the title bar
        assertEquals(Set.of(SGR.REVERSE), mono.role(Role.SELECTED).attributes());
        assertNotEquals(mono.role(Role.TEXT), mono.role(Role.FAIL));
        assertNotEquals(mono.role(Role.TEXT), mono.role(Role.TITLE_BAR));
    }

    @Test
    void marks_combine() {
        Style strongCode = Theme.colour().marks(EnumSet.of(Mark.STRONG, Mark.CODE));
        assertEquals(TextColor.ANSI.YELLOW, strongCode.foreground());
        assertEquals(Set.of(SGR.BOLD), strongCode.attributes());
    }
}
