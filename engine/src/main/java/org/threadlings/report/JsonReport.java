package org.threadlings.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.course.Exercise;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.Verdict;

/**
 * {@code check --json}: one object for the whole run. Top-level {@code status} is pass, fail or
 * error; each exercise has {@code id}, {@code status} (pass, fail, error, timeout), an
 * {@code outcome} saying why, and its {@code checks}, each with {@code name}, {@code status}
 * (pass, fail, inconclusive, error), {@code message}, and {@code measured}/{@code required}
 * where a value was judged. Documented with an example in the README.
 */
public final class JsonReport {

    /** One graded exercise, as the report needs it. */
    public record Entry(Exercise exercise, Verdict verdict) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Function<Path, String> shownPath;

    public JsonReport(Function<Path, String> shownPath) {
        this.shownPath = shownPath;
    }

    public String render(List<Entry> entries) {
        ObjectNode root = json.createObjectNode();
        boolean allPass = entries.stream().allMatch(e -> e.verdict().passed());
        root.put("status", allPass ? "pass" : "fail");
        ArrayNode exercises = root.putArray("exercises");
        entries.forEach(e -> exercises.add(exercise(e)));
        return write(root);
    }

    /** The report when nothing could be graded: a usage or course-format error. */
    public String error(String message) {
        ObjectNode root = json.createObjectNode();
        root.put("status", "error");
        root.put("message", message);
        root.putArray("exercises");
        return write(root);
    }

    private ObjectNode exercise(Entry entry) {
        Verdict verdict = entry.verdict();
        ObjectNode node = json.createObjectNode();
        node.put("id", verdict.exerciseId());
        node.put("lesson", entry.exercise().lessonId());
        node.put("title", entry.exercise().title());
        node.put("status", verdict.status().label());
        node.put("outcome", verdict.outcome().label());
        node.put("message", verdict.message());
        node.put("durationMs", verdict.elapsed().toMillis());
        ArrayNode files = node.putArray("files");
        entry.exercise().files().forEach(files::add);
        ArrayNode checks = node.putArray("checks");
        verdict.checks().forEach(c -> checks.add(check(c)));
        ArrayNode errors = node.putArray("compileErrors");
        verdict.compileErrors().forEach(d -> errors.add(diagnostic(d)));
        ObjectNode output = node.putObject("output");
        output.put("text", verdict.output().text());
        output.put("bytes", verdict.output().totalBytes());
        output.put("truncated", verdict.output().truncated());
        return node;
    }

    private ObjectNode check(CheckResult check) {
        ObjectNode node = json.createObjectNode();
        node.put("check", check.method());
        node.put("name", check.name());
        node.put("status", check.status().label());
        node.put("message", check.message());
        if (check.measurement() != null) {
            node.put("measured", round(check.measurement().measured()));
            node.put("required", round(check.measurement().required()));
            node.put("unit", check.measurement().unit());
        }
        ArrayNode details = node.putArray("details");
        check.details().forEach(details::add);
        node.put("durationMs", check.millis());
        return node;
    }

    private ObjectNode diagnostic(CompileDiagnostic d) {
        ObjectNode node = json.createObjectNode();
        node.put("file", d.file() == null ? "" : shownPath.apply(d.file()));
        node.put("line", d.line());
        node.put("column", d.column());
        node.put("message", d.message());
        node.put("source", d.sourceLine());
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private String write(ObjectNode root) {
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }
}
