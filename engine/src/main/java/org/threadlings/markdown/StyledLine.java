package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One terminal line of rendered text. Empty spans are dropped and neighbours with the same marks
 * merged, so equal-looking lines compare equal.
 */
public record StyledLine(List<Span> spans) {

    private static final StyledLine EMPTY = new StyledLine(List.of());

    public StyledLine {
        spans = normalised(spans);
    }

    public static StyledLine empty() {
        return EMPTY;
    }

    public static StyledLine of(Span... spans) {
        return new StyledLine(Arrays.asList(spans));
    }

    public static StyledLine plain(String text) {
        return of(Span.plain(text));
    }

    public String plainText() {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }

    /** Columns this line takes on a terminal. */
    public int width() {
        return spans.stream().mapToInt(Span::width).sum();
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** This line with {@code mark} added to every span. */
    public StyledLine withMark(Mark mark) {
        return new StyledLine(spans.stream().map(span -> span.with(mark)).toList());
    }

    /** This line followed by {@code other}. */
    public StyledLine append(StyledLine other) {
        List<Span> joined = new ArrayList<>(spans);
        joined.addAll(other.spans);
        return new StyledLine(joined);
    }

    /** The text from char index {@code begin} to {@code end}, marks kept. */
    StyledLine slice(int begin, int end) {
        List<Span> result = new ArrayList<>();
        int start = 0;
        for (Span span : spans) {
            int stop = start + span.text().length();
            int from = Math.max(begin, start);
            int to = Math.min(end, stop);
            if (from < to) {
                result.add(span.withText(span.text().substring(from - start, to - start)));
            }
            start = stop;
        }
        return new StyledLine(result);
    }

    private static List<Span> normalised(List<Span> spans) {
        List<Span> result = new ArrayList<>(spans.size());
        for (Span span : spans) {
            if (span.text().isEmpty()) {
                continue;
            }
            int last = result.size() - 1;
            if (last >= 0 && result.get(last).marks().equals(span.marks())) {
                result.set(last, span.withText(result.get(last).text() + span.text()));
            } else {
                result.add(span);
            }
        }
        return List.copyOf(result);
    }
}
