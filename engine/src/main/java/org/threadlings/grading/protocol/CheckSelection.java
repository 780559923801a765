package org.threadlings.grading.protocol;

import java.util.List;

/**
 * Which of an exercise's checks a grading runs. A student's grading runs them all; validation
 * asks for less where less answers its question, because checks are most of its time.
 *
 * @param only               check methods to run, by name (with the checks they build on);
 *                           empty for all. A known-wrong answer is run against the one check meant
 *                           to catch it
 * @param stopAtFirstFailure stop at the first check that fails: that a starter fails is the
 *                           question, not how many of its checks do
 */
public record CheckSelection(List<String> only, boolean stopAtFirstFailure) {

    /** The message of a check left out because an earlier one failed and the grading stopped there. */
    public static final String NOT_RUN = "not run: an earlier check failed, and this grading stops at the first failure";

    public CheckSelection {
        only = only == null ? List.of() : List.copyOf(only);
    }

    /** Every check, whatever fails: a student's grading. */
    public static CheckSelection all() {
        return new CheckSelection(List.of(), false);
    }

    /** The named checks, and the checks they build on. */
    public static CheckSelection only(String check) {
        return new CheckSelection(List.of(check), false);
    }

    /** The checks in their order, stopping at the first that fails. */
    public static CheckSelection untilFirstFailure() {
        return new CheckSelection(List.of(), true);
    }
}
