package forkjoin.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An item of the checks' lists: its place in the list, and a value that decides whether it
 * matches and which group it joins. Items are distinct objects even when values repeat, so a
 * result can be compared item by item.
 */
record Item(int id, int value) {

    static final int GROUPS = 5;

    boolean matches() {
        return value % 3 == 0;
    }

    int group() {
        return value % GROUPS;
    }

    /**
     * {@code size} items with random values. With {@code firstMatches}, the first item matches
     * and is in group 0, so that every later match and every later item of group 0 must come
     * after it.
     */
    static List<Item> list(int size, SplittableRandom random, boolean firstMatches) {
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int value = random.nextInt(0, 1_000_000);
            if (i == 0 && firstMatches) {
                value = value / 15 * 15;
            }
            items.add(new Item(i, value));
        }
        return Collections.unmodifiableList(items);
    }

    @Override
    public String toString() {
        return "#" + id;
    }
}
