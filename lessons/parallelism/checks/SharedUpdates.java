package parallelism.checks;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Finds read-modify-write updates of a shared field ({@code total++}, {@code total += n}) in the
 * code that a counter's threads run: a method, lambda or nested class that both reads and writes
 * the same field of the counter (or any static field), other than {@code count()} itself, which
 * only the calling thread runs. Such an update loses counts when two threads make it at once; it
 * is read from the bytecode because a lost update may not show in any one run.
 */
final class SharedUpdates {

    private SharedUpdates() {
    }

    /** Each racy update found, as "total++ in countRange() at PrimeCounter.java:41". */
    static List<String> outsideCount(Class<?> counter) {
        Path root;
        try {
            root = Path.of(counter.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the class file of " + counter.getName(), e);
        }
        List<JavaClass> classes = StreamSupport.stream(new ClassFileImporter().importPath(root).spliterator(), false)
                .filter(c -> c.getName().equals(counter.getName()) || c.getName().startsWith(counter.getName() + "$"))
                .toList();
        Set<String> found = new LinkedHashSet<>();
        for (JavaClass c : classes) {
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                boolean callerOnly = c.getName().equals(counter.getName())
                        && (unit.getName().equals("count") || unit.isConstructor()
                        || unit.getName().equals("<clinit>"));
                if (callerOnly) {
                    continue;
                }
                List<JavaFieldAccess> accesses = new ArrayList<>(unit.getFieldAccesses());
                for (JavaFieldAccess write : accesses) {
                    if (write.getAccessType() != AccessType.SET || !shared(write, counter)) {
                        continue;
                    }
                    boolean alsoRead = accesses.stream().anyMatch(read -> read.getAccessType() == AccessType.GET
                            && read.getTarget().getFullName().equals(write.getTarget().getFullName()));
                    if (alsoRead) {
                        found.add(write.getTarget().getName() + " is read and written in " + describe(unit)
                                + " at " + source(c) + ":" + write.getLineNumber());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** A field of the counter itself (all threads see the one counter object), or any static field. */
    private static boolean shared(JavaFieldAccess access, Class<?> counter) {
        boolean ofCounter = access.getTarget().getOwner().getName().equals(counter.getName());
        boolean isStatic = access.getTarget().resolveMember()
                .map(f -> f.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
        return ofCounter || isStatic;
    }

    private static String describe(JavaCodeUnit unit) {
        String name = unit.getName();
        if (name.startsWith("lambda$")) {
            String[] parts = name.split("\\$");
            return "a lambda in " + (parts.length > 1 ? parts[1] : "?") + "()";
        }
        return unit.getOwner().getSimpleName().isEmpty() ? "an anonymous class's " + name + "()" : name + "()";
    }

    private static String source(JavaClass c) {
        return c.getSource().flatMap(s -> s.getFileName()).orElse(c.getSimpleName() + ".java");
    }
}
