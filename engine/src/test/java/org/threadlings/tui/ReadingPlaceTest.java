package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlings.markdown.Anchor;

class ReadingPlaceTest {

    private static List<Anchor> headingsAt(int... lines) {
        return java.util.Arrays.stream(lines).mapToObj(line -> new Anchor(line, 2, "h" + line)).toList();
    }

    @Test
    void the_same_section_is_found_when_the_one_above_grew() {
        ReadingPlace place = ReadingPlace.of(headingsAt(0, 10, 30), 12); // two lines into the second section
        assertEquals(new ReadingPlace(1, 2), place);
        assertEquals(17, place.lineIn(headingsAt(0, 15, 40)));
    }

    @Test
    void a_section_that_shrank_keeps_the_reader_inside_it() {
        ReadingPlace place = ReadingPlace.of(headingsAt(0, 10, 30), 28);
        assertEquals(14, place.lineIn(headingsAt(0, 10, 15)), "the last line of the shortened section");
    }

    @Test
    void a_removed_section_falls_back_to_the_last_one() {
        ReadingPlace place = ReadingPlace.of(headingsAt(0, 10, 30), 31);
        assertEquals(11, place.lineIn(headingsAt(0, 10)));
    }

    @Test
    void above_the_first_heading_stays_above_it() {
        ReadingPlace place = ReadingPlace.of(headingsAt(5, 10), 3);
        assertEquals(new ReadingPlace(-1, 3), place);
        assertEquals(1, place.lineIn(headingsAt(2, 10)));
    }
}
