package org.threadlings.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlings.verdict.Verdict;

/**
 * The reports are interfaces: CI scripts parse the JSON, people read the text. Both are compared
 * with golden files; run with {@code -Dgolden.update=true} to rewrite them after a deliberate change,
 * and review the diff.
 */
class GoldenReportsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void json_report() throws IOException {
        String json = new JsonReport(SampleVerdicts::shown).render(SampleVerdicts.all());
        matchesGolden("check-report.json", json + "\n");
    }

    @Test
    void json_error_report() throws IOException {
        matchesGolden("check-error.json", new JsonReport(SampleVerdicts::shown).error("2 problems in the course files.") + "\n");
    }

    @Test
    void human_report_without_colour() throws IOException {
        HumanReport report = new HumanReport(Symbols.UNICODE, 80, SampleVerdicts::shown);
        StringBuilder text = new StringBuilder();
        for (JsonReport.Entry entry : SampleVerdicts.all()) {
            text.append(report.heading(entry.exercise()).toString()).append('\n');
            text.append(report.verdict(entry.verdict(), SampleVerdicts.ROOT.resolve("exercises"), entry.exercise()).toString());
            text.append('\n');
        }
        List<Verdict> verdicts = SampleVerdicts.all().stream().map(JsonReport.Entry::verdict).toList();
        text.append(report.total(verdicts).toString()).append('\n');
        matchesGolden("check-report.txt", text.toString());
    }

    @Test
    void human_report_in_ascii_for_terminals_without_utf8() throws IOException {
        HumanReport report = new HumanReport(Symbols.ASCII, 60, SampleVerdicts::shown);
        JsonReport.Entry entry = SampleVerdicts.all().get(0);
        matchesGolden("check-report-ascii.txt",
                report.verdict(entry.verdict(), SampleVerdicts.ROOT.resolve("exercises"), entry.exercise()).toString());
    }

    @Test
    void a_tampered_run_in_json_and_text() throws IOException {
        JsonReport.Entry entry = SampleVerdicts.tampered();
        matchesGolden("check-tampered.json", new JsonReport(SampleVerdicts::shown).render(List.of(entry)) + "\n");
        HumanReport report = new HumanReport(Symbols.UNICODE, 80, SampleVerdicts::shown);
        matchesGolden("check-tampered.txt",
                report.verdict(entry.verdict(), SampleVerdicts.ROOT.resolve("exercises"), entry.exercise()).toString());
    }

    private static void matchesGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file);
    }
}
