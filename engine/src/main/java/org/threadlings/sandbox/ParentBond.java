package org.threadlings.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;

/**
 * Ties a sandboxed JVM to its runner with two Linux process controls the JDK has no API for,
 * called through {@code prctl(2)} with the FFM API:
 * <ul>
 * <li>a parent-death signal: the kernel kills this JVM the moment its runner ends, however it
 *     ends, and whatever the code inside did to its threads (a Java thread that watches the
 *     parent can be starved or its process stopped; the kernel cannot);</li>
 * <li>child subreaper: a process started below this JVM that detaches ({@code &}, {@code nohup},
 *     {@code setsid}) is adopted by this JVM instead of by init, so it stays in its process tree
 *     even when it also dropped the sandbox mark from its environment.</li>
 * </ul>
 * The FFM API is final from JDK 22; the engine runs on 21, so it is reached by reflection and
 * simply not used on 21, nor outside Linux. There the runner's shutdown hook, the end of input
 * that the grading JVM watches, and the sandbox mark do the job.
 */
public final class ParentBond {

    private static final int PR_SET_PDEATHSIG = 1;
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final long SIGKILL = 9;

    private ParentBond() {
    }

    /**
     * Asks for both controls where they are available. Returns false if this JVM was started by a
     * runner (it carries a {@link SandboxMark}) that has already ended: it ended before the
     * request was made, so the kernel will never send the signal, and this JVM should end now.
     */
    public static boolean tieToRunner() {
        dieWithParent();
        adoptOrphans();
        Optional<SandboxMark> mark = SandboxMark.inherited();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return mark.isEmpty() || parent == mark.get().owner().pid();
    }

    /** True if this JVM can set Linux process controls. */
    static boolean supported() {
        return PRCTL.isPresent();
    }

    /** Asks the kernel to kill this JVM when its parent ends; true if it will. */
    static boolean dieWithParent() {
        return prctl(PR_SET_PDEATHSIG, SIGKILL);
    }

    /** Makes this JVM adopt the orphans among its descendants; true if it will. */
    static boolean adoptOrphans() {
        return prctl(PR_SET_CHILD_SUBREAPER, 1);
    }

    private static boolean prctl(int option, long argument) {
        if (PRCTL.isEmpty()) {
            return false;
        }
        try {
            return (int) PRCTL.get().invokeWithArguments(option, argument, 0L, 0L, 0L) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static final Optional<MethodHandle> PRCTL = linkPrctl();

    /** {@code int prctl(int option, ...)}, with the four further arguments as longs. */
    private static Optional<MethodHandle> linkPrctl() {
        if (Runtime.version().feature() < 22 || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");

            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, "prctl");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            Object javaInt = valueLayoutType.getField("JAVA_INT").get(null);
            Object javaLong = valueLayoutType.getField("JAVA_LONG").get(null);
            Object arguments = Array.newInstance(layoutType, 5);
            Array.set(arguments, 0, javaInt);
            for (int i = 1; i < 5; i++) {
                Array.set(arguments, i, javaLong);
            }
            Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass())
                    .invoke(null, javaInt, arguments);
            // prctl is variadic after its first argument: the calling convention must say so.
            Object options = Array.newInstance(optionType, 1);
            Array.set(options, 0, optionType.getMethod("firstVariadicArg", int.class).invoke(null, 1));
            return Optional.of((MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, options.getClass())
                    .invoke(linker, symbol.get(), descriptor, options));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
