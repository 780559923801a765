package org.threadlings.grading.child;

import java.util.Collection;
import org.threadlings.diagnosis.FailureText;
import org.threadlings.verdict.CheckStatus;

/**
 * Turns what a check threw into words for a student. Assertion failures carry the check's own
 * message; anything else is the student's code (or the check) breaking, shown with the frames
 * that matter: those in the student's and the checks' packages.
 */
final class FailureMessages {

    private final Collection<String> focusPackages;

    FailureMessages(Collection<String> focusPackages) {
        this.focusPackages = focusPackages;
    }

    CheckStatus statusOf(Throwable failure) {
        return failure instanceof AssertionError ? CheckStatus.FAIL : CheckStatus.ERROR;
    }

    String describe(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return failure.getMessage();
        }
        return FailureText.threw(failure, className -> focusPackages.stream().anyMatch(p -> className.startsWith(p + ".")));
    }
}
