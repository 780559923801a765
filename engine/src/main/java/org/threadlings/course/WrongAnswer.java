package org.threadlings.course;

import java.nio.file.Path;

/**
 * A mistake students really make, kept as files so that the course can prove its checks catch
 * it: {@code validate} grades the folder in place of the student's files and expects the named
 * check, and no other, to fail.
 *
 * @param name     the folder under {@code wrong/<exercise>/} in the lesson, and the id in reports
 * @param caughtBy the check that must fail: a check method's name ({@code tenThreads}), or
 *                 {@code leftovers} for a thread or process left running
 * @param mistake  the mistake in a sentence, for the report when it slips through
 * @param folder   where its files are, laid out like {@code exercises/}; files it lacks are
 *                 taken from the reference solution
 */
public record WrongAnswer(String name, String caughtBy, String mistake, Path folder) {
}
