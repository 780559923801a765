package visibility.checks;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.FieldVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The structural rule of this lesson, read from the student's bytecode (with the ASM library
 * that ArchUnit carries): a field that one thread writes after construction and another reads
 * must be volatile (or final, holding an atomic), or be read with a lock held. On x86, and
 * whenever the JIT happens not to hoist a read, the missing happens-before edge rarely shows in
 * a test; this rule names it every time.
 *
 * A read counts as guarded when its method is synchronized, or when it comes after a
 * {@code monitorenter} or a {@code Lock.lock()} in the method's bytecode. That order is a
 * heuristic, but the reads it exists to catch (the test before the lock in double-checked
 * locking, a loop over a plain flag) always come first.
 */
final class SharedFields {

    /** A read of a shared mutable field with no lock held. */
    record Read(String field, String method, String place) {
        @Override
        public String toString() {
            return field + " read in " + method + "() at " + place;
        }
    }

    private record Access(String field, boolean write, boolean lockHeld, int line) {
    }

    private record Method(String name, boolean constructor, boolean synchronizedMethod, List<Access> accesses) {
    }

    /** What the class files say: plain (neither final nor volatile) fields and every method's accesses. */
    private record Bytecode(Set<String> plainFields, List<Method> methods) {
    }

    private SharedFields() {
    }

    /** Fields of {@code type} or its nested classes, neither final nor volatile, written outside constructors. */
    static Set<String> mutableShared(Class<?> type) {
        return mutableShared(read(type));
    }

    /** Reads of {@link #mutableShared} fields that happen with no lock held. */
    static List<Read> unguardedReads(Class<?> type) {
        Bytecode code = read(type);
        Set<String> shared = mutableShared(code);
        String source = type.getSimpleName() + ".java";
        List<Read> reads = new ArrayList<>();
        for (Method m : code.methods) {
            if (m.constructor || m.synchronizedMethod) {
                continue;
            }
            m.accesses.stream().filter(a -> !a.write && !a.lockHeld && shared.contains(a.field))
                    .forEach(a -> reads.add(new Read(simple(a.field), m.name, source + ":" + a.line)));
        }
        return reads.stream().distinct().toList();
    }

    /** The simple name of a field written as {@code owner.name}. */
    static String simple(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static Set<String> mutableShared(Bytecode code) {
        Set<String> written = new LinkedHashSet<>();
        code.methods.stream().filter(m -> !m.constructor).flatMap(m -> m.accesses.stream())
                .filter(a -> a.write && code.plainFields.contains(a.field)).forEach(a -> written.add(a.field));
        return written;
    }

    private static Bytecode read(Class<?> type) {
        Set<String> plain = new HashSet<>();
        List<Method> methods = new ArrayList<>();
        for (Path file : classFiles(type)) {
            try {
                new ClassReader(Files.readAllBytes(file)).accept(new Scanner(plain, methods), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.getFileName(), e);
            }
        }
        return new Bytecode(plain, methods);
    }

    /** Visits one class file: its fields' modifiers, and in each method the field accesses in order. */
    private static final class Scanner extends ClassVisitor {
        private final Set<String> plain;
        private final List<Method> methods;
        private String owner;

        Scanner(Set<String> plain, List<Method> methods) {
            super(Opcodes.ASM9);
            this.plain = plain;
            this.methods = methods;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)) == 0) {
                plain.add(owner + "." + name);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            List<Access> accesses = new ArrayList<>();
            methods.add(new Method(name, name.equals("<init>") || name.equals("<clinit>"),
                    (access & Opcodes.ACC_SYNCHRONIZED) != 0, accesses));
            return new MethodVisitor(Opcodes.ASM9) {
                private boolean locked;
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.MONITORENTER) {
                        locked = true;
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String target, String method, String desc, boolean itf) {
                    if (target.startsWith("java/util/concurrent/locks/")
                            && (method.equals("lock") || method.equals("lockInterruptibly") || method.equals("tryLock"))) {
                        locked = true;
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String fieldOwner, String field, String desc) {
                    boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
                    accesses.add(new Access(fieldOwner + "." + field, write, locked, line));
                }
            };
        }
    }

    private static List<Path> classFiles(Class<?> type) {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = root.resolve(type.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.equals(type.getSimpleName() + ".class") || n.startsWith(type.getSimpleName() + "$");
                }).sorted().toList();
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the class files of " + type.getName(), e);
        }
    }
}
