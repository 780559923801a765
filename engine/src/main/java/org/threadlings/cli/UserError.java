package org.threadlings.cli;

/** A mistake in what was asked for (an unknown exercise, a missing folder): told plainly, exit 2. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
