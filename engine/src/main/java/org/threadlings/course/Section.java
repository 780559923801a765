package org.threadlings.course;

/** A titled piece of lesson text, in Markdown. */
public record Section(String title, String markdown) {
}
