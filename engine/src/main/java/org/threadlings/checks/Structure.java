package org.threadlings.checks;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Structural feedback on the student's code: which mechanisms it uses, read from the bytecode of
 * every class compiled from the exercise's files with ArchUnit (calls, field types, constructors)
 * and javap (synchronized blocks and where fields are written, which ArchUnit does not model).
 * Findings name the source line, so a message can say
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
    /** javap's reading of every method, by class: read once, on first need. */
    private Map<JavaClass, List<MethodCode>> code;

    private Structure(Class<?> type, List<JavaClass> classes, Path classesRoot) {
        this.type = type;
        this.classes = classes;
        this.classesRoot = classesRoot;
    }

    /**
     * Where the grader lists the top-level classes compiled from the exercise's files, one
     * binary name a line, inside the folder of compiled classes.
     */
    public static final String STUDENT_CLASSES = "META-INF/threadlings/student-classes";

    /**
     * Every class compiled from the exercise's files: top-level, nested, anonymous and local
     * classes, and the lambdas' bodies in them. The grader lists the exercise's top-level
     * classes next to the compiled code; with or without that list, every class compiled from
     * the same source file as {@code type} or a listed class counts, so that a second top-level
     * class in the same file is seen too.
     */
    public static Structure of(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        Path root;
        try {
            root = Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the class file of " + type.getName(), e);
        }
        List<JavaClass> all = StreamSupport.stream(new ClassFileImporter().importPath(root).spliterator(), false).toList();
        List<String> topLevel = new ArrayList<>(studentClasses(root));
        topLevel.add(type.getName());
        Set<String> sourceFiles = all.stream().filter(c -> within(c, topLevel)).map(Structure::sourceFile)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<JavaClass> imported = all.stream()
                .filter(c -> within(c, topLevel) || sourceFiles.contains(sourceFile(c))).toList();
        return new Structure(type, imported, root);
    }

    private static boolean within(JavaClass c, List<String> topLevel) {
        return topLevel.stream().anyMatch(t -> c.getName().equals(t) || c.getName().startsWith(t + "$"));
    }

    /** The package folder and source file name a class was compiled from, or "" if not recorded. */
    private static String sourceFile(JavaClass c) {
        return c.getSource().flatMap(s -> s.getFileName()).map(f -> c.getPackageName() + "/" + f).orElse("");
    }

    private static List<String> studentClasses(Path root) {
        Path list = root.resolve(STUDENT_CLASSES);
        try {
            return Files.isRegularFile(list)
                    ? Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The binary names of the classes this structure covers. */
    public List<String> classNames() {
        return classes.stream().map(JavaClass::getName).sorted().toList();
    }

    /** Whether any method is {@code synchronized} or contains a {@code synchronized} block. */
    public boolean usesSynchronized() {
        boolean methods = classes.stream().flatMap(c -> c.getMethods().stream())
                .anyMatch(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED));
        return methods || !synchronizedBlocks().isEmpty();
    }

    /** Methods that contain a synchronized block, found in the bytecode ({@code monitorenter}). */
    public List<String> synchronizedBlocks() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<JavaClass, List<MethodCode>> c : code().entrySet()) {
            c.getValue().stream().filter(MethodCode::hasMonitor)
                    .forEach(m -> found.add(c.getKey().getSimpleName() + "." + m.shownName()));
        }
        return found.stream().distinct().toList();
    }

    /**
     * Writes to fields of these classes that are not final, made while no monitor is held (see
     * {@link UnguardedWrites}), as "count written in increment() at Counter.java:14".
     */
    public List<String> unguardedWrites() {
        Set<String> mutable = new HashSet<>();
        Map<String, String> sources = new HashMap<>();
        for (JavaClass c : classes) {
            c.getFields().stream().filter(f -> !f.getModifiers().contains(JavaModifier.FINAL))
                    .forEach(f -> mutable.add(c.getName() + "." + f.getName()));
            c.getSource().flatMap(s -> s.getFileName()).ifPresent(file -> sources.put(c.getName(), file));
        }
        if (everyWriteInASynchronizedMethod(mutable)) {
            return List.of();
        }
        List<MethodCode> methods = code().values().stream().flatMap(List::stream).toList();
        return UnguardedWrites.find(methods, mutable, sources);
    }

    /**
     * The common case, decided from ArchUnit's model without javap (whose start costs seconds on a
     * busy machine): every write to a mutable field is in a synchronized method or an initialiser.
     * Lambda bodies are left to the full analysis, since a model may attribute them to the method
     * that creates them; their compiled names (lambda$...) are in the class file's constant pool.
     */
    private boolean everyWriteInASynchronizedMethod(Set<String> mutable) {
        for (JavaClass c : classes) {
            if (hasLambdas(c)) {
                return false;
            }
            for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
                String owner = access.getTarget().getOwner().getName();
                if (access.getAccessType() != JavaFieldAccess.AccessType.SET
                        || !mutable.contains(owner + "." + access.getTarget().getName())) {
                    continue;
                }
                JavaCodeUnit origin = access.getOrigin();
                boolean initialising = origin.getOwner().getName().equals(owner)
                        && (origin.isConstructor() || origin.getName().equals("<clinit>"));
                if (!initialising && !origin.getModifiers().contains(JavaModifier.SYNCHRONIZED)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean hasLambdas(JavaClass c) {
        Path file = classesRoot.resolve(c.getName().replace('.', '/') + ".class");
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("lambda$");
        } catch (IOException e) {
            return true; // unreadable: let the full analysis decide
        }
    }

    private Map<JavaClass, List<MethodCode>> code() {
        if (code == null) {
            Map<String, Path> files = new LinkedHashMap<>();
            for (JavaClass c : classes) {
                Path file = classesRoot.resolve(c.getName().replace('.', '/') + ".class");
                if (Files.isRegularFile(file)) {
                    files.put(c.getName(), file);
                }
            }
            Map<String, List<MethodCode>> byName = MethodCode.of(files);
            Map<JavaClass, List<MethodCode>> read = new LinkedHashMap<>();
            classes.forEach(c -> read.put(c, byName.getOrDefault(c.getName(), List.of())));
            code = read;
        }
        return code;
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
                    String owner = c.getName().equals(type.getName()) ? "" : c.getSimpleName() + ".";
                    uses.add("field " + owner + field.getName() + " of type " + field.getRawType().getSimpleName());
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

    /**
     * Fails unless the code uses {@code synchronized}, and every write to its mutable fields
     * happens while a monitor is held (see {@link #unguardedWrites()}): a synchronized method
     * nobody calls, next to a field written without it, does not count.
     */
    public Structure mustUseSynchronized(String advice) {
        if (!usesSynchronized()) {
            throw new AssertionFailedError(type.getSimpleName() + " must use synchronized, as a synchronized method "
                    + "or a synchronized (lock) { ... } block, but has neither. " + advice);
        }
        List<String> unguarded = unguardedWrites();
        if (!unguarded.isEmpty()) {
            throw new AssertionFailedError(type.getSimpleName() + " uses synchronized, but not where its state "
                    + "changes: " + String.join("; ", unguarded) + ", outside any synchronized method or block. "
                    + "Every write to a shared field must happen while the lock is held. " + advice);
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
