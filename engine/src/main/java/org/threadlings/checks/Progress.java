package org.threadlings.checks;

import java.util.function.LongSupplier;

/**
 * How much of a piece of work is done, for telling slow code from stuck code when a wait runs
 * out: the count keeps moving in slow code and stands still in a deadlock or a lost wake-up.
 *
 * @param done  reads the amount done so far; called from the waiting thread, so it must be safe
 *              to call while the work runs (an {@code AtomicLongArray} sum, a {@code LongAdder})
 * @param total the amount the work will have done when finished
 * @param unit  what is counted, plural: "increments", "items"
 */
public record Progress(LongSupplier done, long total, String unit) {
}
