package org.threadlings.loading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an exercise's {@code jvm-options} may set in the JVM that runs its checks: an allowlist,
 * because the grading JVM must start, run the checks from the course's class path and report.
 * Options that end the JVM at once ({@code -version}), change which code runs ({@code -cp},
 * agents), starve it ({@code -Xmx1m}) or act on its failure ({@code -XX:OnError}) are refused
 * when the course loads, at the option's line. A flag the JVM does not know is only found when
 * it starts; grading reports that as an error verdict in the JVM's own words.
 */
final class JvmOptions {

    /** Below this the checks themselves (JUnit, ArchUnit, the stress toolkit) do not fit. */
    static final long MIN_HEAP = 256L << 20;
    static final long MAX_HEAP = 4L << 30;
    static final long MIN_STACK = 256L << 10;
    static final long MAX_STACK = 64L << 20;

    static final String ALLOWED = "allowed: -XX: flags, -Xmx/-Xms (256m to 4g), -Xss (256k to 64m), -Xint, -Xbatch, "
            + "-Xcomp, -D properties, -ea/-da, --enable-preview, --add-opens=, --add-exports=, --add-reads=, "
            + "--add-modules=, --enable-native-access=";

    private static final Pattern XX = Pattern.compile("-XX:(?:[+-]([A-Za-z][A-Za-z0-9_]*)|([A-Za-z][A-Za-z0-9_]*)=.*)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})([kKmMgG]?)");
    /** -XX flags that act when the JVM fails, write files, or swap the start-up cache the runner manages. */
    private static final List<String> XX_REFUSED = List.of("OnError", "OnOutOfMemoryError", "ExitOnOutOfMemoryError",
            "CrashOnOutOfMemoryError", "HeapDumpOnOutOfMemoryError", "HeapDumpPath", "ErrorFile", "VMOptionsFile",
            "Flags", "CompileCommandFile", "PrintFlagsFinal", "PrintFlagsInitial", "PrintFlagsRanges",
            "SharedArchiveFile", "AOTCache", "AOTMode", "AOTConfiguration", "AOTCacheOutput", "ArchiveClassesAtExit",
            "DumpLoadedClassList", "SharedClassListFile", "StartFlightRecording", "FlightRecorderOptions",
            "MaxHeapSize", "InitialHeapSize", "MinHeapSize", "ThreadStackSize", "UseSerialGC", "UseG1GC",
            "UseParallelGC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC");
    private static final List<String> PROPERTY_REFUSED = List.of("java.", "sun.", "jdk.module.", "user.",
            "file.encoding", "stdout.encoding", "stderr.encoding", "native.encoding");
    private static final List<String> INFORMATION = List.of("-version", "-showversion", "--version", "--show-version",
            "-help", "--help", "-h", "-?", "-X", "--help-extra", "--dry-run", "--list-modules", "--validate-modules",
            "--describe-module", "-d", "--print-dev-properties", "-fullversion", "--full-version");
    private static final List<String> CODE = List.of("-cp", "-classpath", "--class-path", "-jar", "-p", "--module-path",
            "--upgrade-module-path", "--patch-module", "-m", "--module", "--source", "--limit-modules", "--add-modules");
    private static final List<String> PLAIN = List.of("-Xint", "-Xbatch", "-Xcomp", "--enable-preview", "-ea", "-da",
            "-esa", "-dsa", "-enableassertions", "-disableassertions", "-enablesystemassertions",
            "-disablesystemassertions");
    private static final List<String> WITH_VALUE = List.of("--add-opens=", "--add-exports=", "--add-reads=",
            "--add-modules=", "--enable-native-access=", "-ea:", "-da:", "-enableassertions:", "-disableassertions:");

    private JvmOptions() {
    }

    /** Why {@code option} may not be set for the grading JVM, or empty if it may. */
    static Optional<String> refusal(String option) {
        if (PLAIN.contains(option) || WITH_VALUE.stream().anyMatch(p -> option.startsWith(p) && option.length() > p.length())) {
            return Optional.empty();
        }
        if (INFORMATION.contains(option) || option.startsWith("-XshowSettings") || option.startsWith("--describe-module")) {
            return Optional.of("it prints information and ends the JVM, or adds to its output, instead of running the checks");
        }
        String word = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        if (CODE.contains(word) && !option.startsWith("--add-modules=") || option.startsWith("-javaagent")
                || option.startsWith("-agentlib") || option.startsWith("-agentpath") || option.startsWith("-Xbootclasspath")) {
            return Optional.of("it changes which code the grading JVM runs; the checks need the course's class path");
        }
        if (List.of("--add-opens", "--add-exports", "--add-reads", "--enable-native-access").contains(option)) {
            return Optional.of("its value must be in the same item: " + option + "=module/package=ALL-UNNAMED");
        }
        Matcher xx = XX.matcher(option);
        if (xx.matches()) {
            String flag = xx.group(1) != null ? xx.group(1) : xx.group(2);
            return XX_REFUSED.contains(flag)
                    ? Optional.of("the runner sets -XX:" + flag + " itself or it acts outside the run (heap size: use -Xmx; "
                    + "garbage collector, error handling and start-up cache are fixed)")
                    : Optional.empty();
        }
        if (option.startsWith("-Xmx") || option.startsWith("-Xms")) {
            return size(option, option.substring(4), MIN_HEAP, MAX_HEAP, "256m", "4g");
        }
        if (option.startsWith("-Xss")) {
            return size(option, option.substring(4), MIN_STACK, MAX_STACK, "256k", "64m");
        }
        if (option.startsWith("-D") && option.length() > 2) {
            String name = word.substring(2);
            return PROPERTY_REFUSED.stream().anyMatch(name::startsWith)
                    ? Optional.of("the JVM or the runner owns the property '" + name + "'")
                    : Optional.empty();
        }
        return Optional.of("it is not an option a lesson may set (" + ALLOWED + ")");
    }

    private static Optional<String> size(String option, String value, long min, long max, String minText, String maxText) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return Optional.of("'" + value + "' is not a size such as 512m or 1g");
        }
        long bytes = Long.parseLong(m.group(1)) << switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (bytes < min || bytes > max) {
            return Optional.of(option.substring(0, 4) + " must be between " + minText + " and " + maxText);
        }
        return Optional.empty();
    }
}
