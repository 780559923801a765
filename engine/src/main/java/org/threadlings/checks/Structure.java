package org.threadlings.checks;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.StreamSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Structural feedback on the student's class: which mechanisms it uses, read from its bytecode
 * with ArchUnit (calls, field types, constructors) and javap (synchronized blocks, which
 * ArchUnit does not model). Findings name the source line, so a message can say
 * "AtomicLong.incrementAndGet() at AtomicCounter.java:14".
 *
 * <pre>{@code
 * Structure.of(SynchronizedCounter.class)
 *          .mustUseSynchronized("Mark increment() synchronized, or wrap count++ in a synchronized block.")
 *          .mustNotUse("an atomic", List.of("java.util.concurrent.atomic."), "This exercise is about synchronized.");
 * }</pre>
 */
public final class Structure {

    static {
        // The JDK's classes need not be imported to name them: keeps an import in the milliseconds.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private final Class<?> type;
    private final List<JavaClass> classes;
    private final Path classesRoot;

    private Structure(Class<?> type, List<JavaClass> classes, Path classesRoot) {
        this.type = type;
        this.classes = classes;
        this.classesRoot = classesRoot;
    }

    /** The class and every class nested in it (inner, anonymous, local). */
    public static Structure of(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        Path root;
        try {
            root = Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the class file of " + type.getName(), e);
        }
        List<JavaClass> imported = StreamSupport.stream(new ClassFileImporter().importPath(root).spliterator(), false)
                .filter(c -> c.getName().equals(type.getName()) || c.getName().startsWith(type.getName() + "$"))
                .toList();
        return new Structure(type, imported, root);
    }

    /** Whether any method is {@code synchronized} or contains a {@code synchronized} block. */
    public boolean usesSynchronized() {
        boolean methods = classes.stream().flatMap(c -> c.getMethods().stream())
                .anyMatch(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED));
        return methods || !synchronizedBlocks().isEmpty();
    }

    /** Methods that contain a synchronized block, found in the bytecode ({@code monitorenter}). */
    public List<String> synchronizedBlocks() {
        ToolProvider javap = ToolProvider.findFirst("javap").orElse(null);
        if (javap == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            Path file = classesRoot.resolve(c.getName().replace('.', '/') + ".class");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            StringWriter out = new StringWriter();
            javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", file.toString());
            String method = "";
            for (String line : out.toString().split("\n")) {
                if (line.startsWith("  ") && !line.startsWith("    ") && line.contains("(")) {
                    method = line.trim();
                }
                if (line.contains("monitorenter")) {
                    found.add(c.getSimpleName() + ": " + method);
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** Synchronized methods, by name. */
    public List<String> synchronizedMethods() {
        return classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED))
                .map(JavaMethod::getName).distinct().toList();
    }

    /**
     * Every use of a type whose name starts with one of {@code prefixes} (a package such as
     * {@code "java.util.concurrent.atomic."} or a class): calls, field accesses, constructors
     * and field declarations, each with where it happens.
     */
    public List<String> usesOf(List<String> prefixes) {
        Set<String> uses = new LinkedHashSet<>();
        for (JavaClass c : classes) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                AccessTarget target = access.getTarget();
                String owner = target.getOwner().getName();
                if (matches(owner, prefixes)) {
                    uses.add(target.getOwner().getSimpleName() + "." + member(target) + " at "
                            + location(access));
                }
            }
            for (JavaField field : c.getFields()) {
                if (matches(field.getRawType().getName(), prefixes)) {
                    uses.add("field " + field.getName() + " of type " + field.getRawType().getSimpleName());
                }
            }
        }
        return List.copyOf(uses);
    }

    /**
     * Calls to {@code method} on {@code owner} (a fully qualified class name), each place once:
     * javac copies a {@code finally} block onto every exit path, so one call may appear twice.
     */
    public List<String> callsTo(String owner, String method) {
        List<String> calls = new ArrayList<>();
        for (JavaClass c : classes) {
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTarget().getOwner().getName().equals(owner)
                            && call.getTarget().getName().equals(method))
                    .forEach(call -> calls.add(call.getTarget().getOwner().getSimpleName() + "." + method
                            + "() at " + location(call)));
        }
        return calls.stream().distinct().toList();
    }

    /** Places that create or start threads directly rather than through an executor. */
    public List<String> threadCreations() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                String owner = access.getTarget().getOwner().getName();
                String name = access.getTarget().getName();
                boolean creates = owner.equals("java.lang.Thread")
                        && (name.equals("<init>") || name.equals("start") || name.equals("ofPlatform")
                        || name.equals("ofVirtual") || name.equals("startVirtualThread"));
                if (creates) {
                    found.add("Thread." + member(access.getTarget()) + " at " + location(access));
                }
            }
            if (c.isAssignableTo(Thread.class) && !c.getName().equals("java.lang.Thread")) {
                found.add("class " + c.getSimpleName() + " extends Thread");
            }
        }
        return found.stream().distinct().toList();
    }

    /** Fails unless the class uses {@code synchronized} somewhere. */
    public Structure mustUseSynchronized(String advice) {
        if (!usesSynchronized()) {
            throw new AssertionFailedError(type.getSimpleName() + " must use synchronized, as a synchronized method "
                    + "or a synchronized (lock) { ... } block, but has neither. " + advice);
        }
        return this;
    }

    /** Fails if the class uses synchronized. */
    public Structure mustNotUseSynchronized(String advice) {
        List<String> where = new ArrayList<>(synchronizedMethods().stream().map(m -> "synchronized method " + m + "()").toList());
        where.addAll(synchronizedBlocks().stream().map(b -> "synchronized block in " + b).toList());
        if (!where.isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " uses synchronized (" + String.join("; ", where)
                    + "). " + advice);
        }
        return this;
    }

    /** Fails unless the class uses at least one type matching {@code prefixes}. */
    public Structure mustUse(String what, List<String> prefixes, String advice) {
        if (usesOf(prefixes).isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " must use " + what + ", but does not. " + advice);
        }
        return this;
    }

    /** Fails if the class uses any type matching {@code prefixes}, listing where. */
    public Structure mustNotUse(String what, List<String> prefixes, String advice) {
        List<String> uses = usesOf(prefixes);
        if (!uses.isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " uses " + what + ": " + String.join("; ", uses)
                    + ". " + advice);
        }
        return this;
    }

    /** Fails unless the class calls {@code owner.method}. */
    public Structure mustCall(String owner, String method, String advice) {
        if (callsTo(owner, method).isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " never calls "
                    + owner.substring(owner.lastIndexOf('.') + 1) + "." + method + "(). " + advice);
        }
        return this;
    }

    /** Fails if the class creates or starts threads itself. */
    public Structure mustNotCreateThreads(String advice) {
        List<String> creations = threadCreations();
        if (!creations.isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " creates threads itself: "
                    + String.join("; ", creations) + ". " + advice);
        }
        return this;
    }

    private static boolean matches(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> name.equals(p) || name.startsWith(p));
    }

    private static String member(AccessTarget target) {
        String name = target.getName();
        if (name.equals("<init>")) {
            return "new";
        }
        return target instanceof AccessTarget.CodeUnitAccessTarget ? name + "()" : name;
    }

    private static String location(JavaAccess<?> access) {
        String source = access.getOrigin().getOwner().getSource()
                .flatMap(s -> s.getFileName()).orElse(access.getOrigin().getOwner().getSimpleName());
        return source + ":" + access.getLineNumber();
    }

    @Override
    public String toString() {
        return "Structure of " + type.getName() + " " + Arrays.toString(classes.stream().map(JavaClass::getName).toArray());
    }
}
