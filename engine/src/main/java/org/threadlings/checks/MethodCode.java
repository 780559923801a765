package org.threadlings.checks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * One method's bytecode as javap prints it: enough to tell where fields are written, where
 * monitors are entered and left, and which methods are called. ArchUnit models calls and field
 * accesses but not {@code monitorenter}, and the JDK's class-file API is not final on every JDK
 * the course supports, so javap (present in every JDK) is read instead.
 *
 * @param owner     the class's binary name, dotted ({@code races.Counter$Inner})
 * @param name      the method's name; {@code <init>} for constructors, {@code <clinit>} for static initialisers
 * @param code      the instructions, in order
 * @param lines     source line by the offset where it starts
 */
record MethodCode(String owner, String name, String descriptor, boolean isSynchronized, boolean isPrivate,
                  List<Instruction> code, NavigableMap<Integer, Integer> lines) {

    /** One instruction; {@code target} is what javap's comment names (a field or a method), or empty. */
    record Instruction(int offset, String op, String target) {
    }

    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+(\\d+): (\\w+)(?:.*?// (?:Field|Method|InterfaceMethod) (\\S+))?");
    private static final Pattern LINE = Pattern.compile("^\\s+line (\\d+): (\\d+)");

    /** The source line of the instruction at {@code offset}, or 0 when the class has no line table. */
    int lineAt(int offset) {
        Map.Entry<Integer, Integer> line = lines.floorEntry(offset);
        return line == null ? 0 : line.getValue();
    }

    /** Whether the instruction at {@code offset} lies between a monitorenter and a monitorexit of this method. */
    boolean insideMonitor(int offset) {
        boolean entered = code.stream().anyMatch(i -> i.op().equals("monitorenter") && i.offset() < offset);
        boolean left = code.stream().anyMatch(i -> i.op().equals("monitorexit") && i.offset() > offset);
        return entered && left;
    }

    boolean hasMonitor() {
        return code.stream().anyMatch(i -> i.op().equals("monitorenter"));
    }

    /** A name for messages: {@code increment()}, {@code constructor}, or {@code a lambda in increment()}. */
    String shownName() {
        if (name.equals("<init>")) {
            return "the constructor";
        }
        if (name.equals("<clinit>")) {
            return "the static initialiser";
        }
        if (name.startsWith("lambda$")) {
            String[] parts = name.split("\\$");
            String enclosing = parts.length > 1 ? parts[1] : "";
            return "a lambda in " + switch (enclosing) {
                case "new" -> "a constructor or field initialiser";
                case "static" -> "the static initialiser";
                default -> enclosing + "()";
            };
        }
        return name + "()";
    }

    /**
     * Every method of each class file (owner by file), read through one run of javap: starting
     * javap costs far more than reading a class, on a busy machine seconds. Empty if there is no javap.
     */
    static Map<String, List<MethodCode>> of(Map<String, Path> classFiles) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElse(null);
        if (javap == null || classFiles.isEmpty()) {
            return Map.of();
        }
        List<String> args = new ArrayList<>(List.of("-c", "-l", "-p", "-s"));
        classFiles.values().forEach(f -> args.add(f.toString()));
        StringWriter out = new StringWriter();
        javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        // javap prints the classes in the order given, each ending with a line "}".
        Map<String, List<MethodCode>> read = new LinkedHashMap<>();
        List<String> owners = new ArrayList<>(classFiles.keySet());
        StringBuilder block = new StringBuilder();
        int next = 0;
        for (String line : out.toString().split("\n")) {
            block.append(line).append('\n');
            if (line.equals("}") && next < owners.size()) {
                read.put(owners.get(next), parse(block.toString(), owners.get(next)));
                next++;
                block.setLength(0);
            }
        }
        return read;
    }

    static List<MethodCode> parse(String listing, String owner) {
        List<MethodCode> methods = new ArrayList<>();
        String[] lines = listing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String header = lines[i];
            boolean member = header.startsWith("  ") && !header.startsWith("   ");
            String descriptor = i + 1 < lines.length ? lines[i + 1].strip() : "";
            if (!member || !descriptor.startsWith("descriptor: (")) {
                continue;
            }
            List<Instruction> code = new ArrayList<>();
            TreeMap<Integer, Integer> lineTable = new TreeMap<>();
            int j = i + 2;
            for (; j < lines.length && !(lines[j].startsWith("  ") && !lines[j].startsWith("   ")) && !lines[j].equals("}"); j++) {
                Matcher instruction = INSTRUCTION.matcher(lines[j]);
                Matcher line = LINE.matcher(lines[j]);
                if (line.find()) {
                    lineTable.put(Integer.parseInt(line.group(2)), Integer.parseInt(line.group(1)));
                } else if (instruction.find()) {
                    code.add(new Instruction(Integer.parseInt(instruction.group(1)), instruction.group(2),
                            instruction.group(3) == null ? "" : instruction.group(3)));
                }
            }
            methods.add(new MethodCode(owner, nameOf(header.strip(), owner), descriptor.substring("descriptor: ".length()),
                    (" " + header).contains(" synchronized "), header.strip().startsWith("private "),
                    List.copyOf(code), lineTable));
            i = j - 1;
        }
        return methods;
    }

    private static String nameOf(String header, String owner) {
        int paren = header.indexOf('(');
        if (paren < 0) {
            return "<clinit>"; // "static {};"
        }
        String before = header.substring(0, paren);
        String name = before.substring(before.lastIndexOf(' ') + 1);
        // A constructor is printed with the class's name: dotted, or bare in the unnamed package.
        return name.contains(".") || name.equals(owner) ? "<init>" : name;
    }
}
