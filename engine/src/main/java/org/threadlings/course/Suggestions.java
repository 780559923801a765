package org.threadlings.course;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean…": the known names closest to a mistyped one. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Up to {@code limit} candidates, closest first, that are plausibly what was meant: a small
     * edit distance for the word's length, or a candidate that contains the word.
     */
    public static List<String> closest(String typed, Collection<String> candidates, int limit) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, wanted.length() / 3);
        return candidates.stream()
                .filter(c -> !c.equals(typed))
                .map(c -> new Scored(c, score(wanted, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score() <= tolerance)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    private record Scored(String name, int score) {
    }

    private static int score(String typed, String candidate) {
        if (candidate.contains(typed) && typed.length() >= 3) {
            return 1;
        }
        return distance(typed, candidate);
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of two neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
