package org.threadlings.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes to the student's mutable fields made while no monitor is held: the honest meaning of
 * "uses synchronized" for shared state. A write counts as guarded when it is in a synchronized
 * method, between a {@code monitorenter} and a {@code monitorexit} of its method, or in a private
 * method that is only ever called from guarded places. Constructors and static initialisers
 * write before the object is shared and are not counted. A lambda's body runs whenever its
 * caller decides, so its writes count as unguarded unless it takes a monitor itself.
 */
final class UnguardedWrites {

    private UnguardedWrites() {
    }

    /**
     * @param methods       every method of the classes under study
     * @param mutableFields fields those classes declare without {@code final}, as {@code owner.name}
     * @param sourceOf      the source file name of each class, for positions
     * @return each unguarded write, as "count written in increment() at Counter.java:14"
     */
    static List<String> find(List<MethodCode> methods, Set<String> mutableFields, Map<String, String> sourceOf) {
        Set<MethodCode> guarded = guardedMethods(methods);
        List<String> found = new ArrayList<>();
        for (MethodCode method : methods) {
            if (guarded.contains(method)) {
                continue;
            }
            for (MethodCode.Instruction i : method.code()) {
                if (!i.op().equals("putfield") && !i.op().equals("putstatic")) {
                    continue;
                }
                String field = qualified(i.target(), method.owner());
                String fieldOwner = field.substring(0, field.lastIndexOf('.'));
                boolean initialising = fieldOwner.equals(method.owner())
                        && (method.name().equals("<init>") || method.name().equals("<clinit>"));
                if (mutableFields.contains(field) && !initialising && !method.insideMonitor(i.offset())) {
                    found.add(field.substring(field.lastIndexOf('.') + 1) + " written in " + method.shownName()
                            + " at " + sourceOf.getOrDefault(method.owner(), method.owner()) + ":"
                            + method.lineAt(i.offset()));
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** Synchronized methods, and private methods called only from guarded places, to a fixed point. */
    private static Set<MethodCode> guardedMethods(List<MethodCode> methods) {
        Set<MethodCode> guarded = new HashSet<>();
        methods.stream().filter(MethodCode::isSynchronized).forEach(guarded::add);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MethodCode candidate : methods) {
                if (guarded.contains(candidate) || !candidate.isPrivate() || candidate.name().startsWith("lambda$")) {
                    continue;
                }
                String key = candidate.owner() + "." + candidate.name() + ":" + candidate.descriptor();
                int calls = 0;
                boolean allGuarded = true;
                for (MethodCode caller : methods) {
                    for (MethodCode.Instruction i : caller.code()) {
                        if (i.op().startsWith("invoke") && !i.target().isEmpty()
                                && qualified(i.target(), caller.owner()).equals(key)) {
                            calls++;
                            allGuarded &= guarded.contains(caller) || caller.insideMonitor(i.offset());
                        }
                    }
                }
                if (calls > 0 && allGuarded) {
                    guarded.add(candidate);
                    grew = true;
                }
            }
        }
        return guarded;
    }

    /**
     * javap's name for a member, {@code count:J} or {@code races/Other.count:J}, as
     * {@code races.Other.count} (fields) or {@code races.Other.add:()V} (methods).
     */
    static String qualified(String target, String currentOwner) {
        int colon = target.indexOf(':');
        String member = colon < 0 ? target : target.substring(0, colon);
        String type = colon < 0 ? "" : target.substring(colon + 1);
        int dot = member.lastIndexOf('.');
        String owner = dot < 0 ? currentOwner : member.substring(0, dot).replace('/', '.');
        String name = (dot < 0 ? member : member.substring(dot + 1)).replace("\"", "");
        return owner + "." + name + (type.startsWith("(") ? ":" + type : "");
    }
}
