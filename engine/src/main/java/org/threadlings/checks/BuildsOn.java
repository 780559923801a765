package org.threadlings.checks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the earlier checks of the same class whose findings this check relies on, such as a
 * speed-up check that times only code whose threads an earlier, clock-free check saw together.
 * A grading of some checks only ({@code check --only}, and validation's grading of a known-wrong
 * answer against its own check) runs these first; without them the check would fail for a
 * reason that is not the code's. A check without it is run alone.
 *
 * <pre>{@code
 * @Test @Order(4)
 * @BuildsOn("threadsRunTogether")
 * void fasterThanOneThread() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BuildsOn {

    /** The method names of the checks, in the same class, that must run before this one. */
    String[] value();
}
