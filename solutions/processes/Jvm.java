package processes;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/*
 * Given with exercise prime-farm: you do not need to edit this file.
 *
 * Java has no fork(): a worker process is a fresh JVM, started like any other program, with the
 * path of the java launcher, a class path and the name of a class that has a main method.
 * Jvm.builder(PrimeWorker.class, "0", "1000") gives you a ProcessBuilder for exactly that; start
 * it yourself.
 */
public final class Jvm {

    private Jvm() {
    }

    /**
     * A ProcessBuilder that starts a new JVM running {@code main.main(args)}, with the same java
     * launcher as this JVM and the folder or jar {@code main} was loaded from as its class path.
     * Its standard streams are pipes to this JVM (the ProcessBuilder default).
     */
    public static ProcessBuilder builder(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher());
        // A worker needs little memory; the serial collector starts fastest.
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(classPathOf(main));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * The java launcher running this JVM, as the operating system reports it; java.home's
     * bin/java where it does not.
     */
    static String launcher() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Where {@code main} was loaded from. Not System.getProperty("java.class.path"): the grader
     * (like an IDE's test runner or an application server) loads your classes through a class
     * loader of its own, so the class path the JVM was started with does not contain them.
     */
    static String classPathOf(Class<?> main) {
        try {
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + main.getName() + " was loaded from", e);
        }
    }
}
