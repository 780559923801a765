package org.threadlings.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitXmlReportTest {

    @TempDir
    Path dir;

    @Test
    void writes_one_suite_with_a_test_case_per_check_and_failures_and_skips() throws Exception {
        JunitXmlReport.write(SampleVerdicts.all(), dir);

        String xml;
        try (Stream<Path> files = Files.list(dir)) {
            xml = Files.readString(files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow());
        }
        assertTrue(xml.contains("tests=\"6\""), xml);
        assertTrue(xml.contains("failures=\"2\""), "the lost increments and the timeout:\n" + xml);
        assertTrue(xml.contains("errors=\"1\""), "the compile error:\n" + xml);
        assertTrue(xml.contains("skipped=\"1\""), "the inconclusive speed-up:\n" + xml);
        assertTrue(xml.contains("lost 12,418 of 1,000,000 increments"), xml);
        assertTrue(xml.contains("classname=\"counter-atomic\""), xml);
        assertTrue(xml.contains("measured 1.8412×, required 1.4523×") || xml.contains("testcase name=\"faster than one thread\""), xml);
    }

    @Test
    void a_tampered_run_is_an_error_in_junit_xml_even_when_its_checks_passed() throws Exception {
        JunitXmlReport.write(java.util.List.of(SampleVerdicts.tampered()), dir);

        String xml;
        try (Stream<Path> files = Files.list(dir)) {
            xml = Files.readString(files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow());
        }
        assertTrue(xml.contains("errors=\"1\""), xml);
        assertTrue(xml.contains("results were forged"), xml);
    }
}
