package org.threadlings.tui;

/** No watching: the student checks with {@code r}. */
final class ManualWatching implements Watching {

    @Override
    public boolean active() {
        return false;
    }

    @Override
    public String describe() {
        return "manual: press r to check";
    }

    @Override
    public void toggle() {
    }
}
