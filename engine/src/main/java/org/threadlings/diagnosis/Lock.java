package org.threadlings.diagnosis;

/**
 * A lock as the JVM identifies it: {@code class@identityHash}. Monitors are named after the
 * locked object's class, java.util.concurrent locks after their synchronizer.
 */
public record Lock(String identity) {

    /** A readable name: {@code Fork@1b6d3586}, {@code ReentrantLock@4554617c}. */
    public String displayName() {
        int at = identity.indexOf('@');
        String className = at < 0 ? identity : identity.substring(0, at);
        String hash = at < 0 ? "" : identity.substring(at);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        if (dollar > 0 && simple.substring(dollar + 1).endsWith("Sync")) {
            simple = simple.substring(0, dollar); // ReentrantLock$NonfairSync is the ReentrantLock's guts
        } else if (dollar > 0) {
            String innermost = simple.substring(simple.lastIndexOf('$') + 1);
            if (!innermost.isEmpty() && !Character.isDigit(innermost.charAt(0))) {
                simple = innermost; // a named nested class, Philosophers$Fork, reads best as Fork
            }
        }
        return simple + hash;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
