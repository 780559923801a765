package org.threadlings.diagnosis;

/** One stack frame, from a live thread or from a JSON thread dump. */
public record Frame(String className, String methodName, String fileName, int line) {

    static Frame of(StackTraceElement element) {
        return new Frame(element.getClassName(), element.getMethodName(), element.getFileName(),
                element.getLineNumber());
    }

    /** Parses the dump form {@code java.base/java.lang.Thread.run(Thread.java:1583)}. */
    static Frame parse(String text) {
        int open = text.lastIndexOf('(');
        String qualified = open < 0 ? text : text.substring(0, open);
        int slash = qualified.lastIndexOf('/');
        if (slash >= 0) {
            qualified = qualified.substring(slash + 1);
        }
        int dot = qualified.lastIndexOf('.');
        String className = dot < 0 ? qualified : qualified.substring(0, dot);
        String method = dot < 0 ? "" : qualified.substring(dot + 1);
        String file = null;
        int line = -1;
        if (open >= 0 && text.endsWith(")")) {
            String location = text.substring(open + 1, text.length() - 1);
            int colon = location.lastIndexOf(':');
            if (colon > 0) {
                file = location.substring(0, colon);
                try {
                    line = Integer.parseInt(location.substring(colon + 1));
                } catch (NumberFormatException e) {
                    line = -1;
                }
            } else if (!location.equals("Native Method") && !location.equals("Unknown Source")) {
                file = location;
            }
        }
        return new Frame(className, method, file, line);
    }

    /** Whether the frame belongs to the JDK rather than to the course or the student. */
    public boolean isJdk() {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    public boolean isIn(String packageName) {
        return className.startsWith(packageName + ".");
    }

    /** {@code Counter.java:14} or the class name when there is no line. */
    public String location() {
        return fileName == null ? simpleClassName() : fileName + (line > 0 ? ":" + line : "");
    }

    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return className + "." + methodName + "(" + location() + ")";
    }
}
