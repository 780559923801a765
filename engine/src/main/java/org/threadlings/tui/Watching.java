package org.threadlings.tui;

/** Whether saving an exercise file grades it, and a way to switch that on and off. */
interface Watching {

    boolean active();

    /** One line for the exercise screen: "watching: saving the file checks it", or why not. */
    String describe();

    /** Switches between watching and manual mode ({@code r} to check). */
    void toggle();
}
