package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the shape of a file: YAML that does not parse, keys that are missing, unknown or
 * repeated, and values of the wrong kind. Each is reported where it is, in words that say what
 * was expected.
 */
class YamlProblemsTest {

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp).withBasicsLesson();
    }

    @Test
    @DisplayName("YAML that does not parse is reported where the parser gave up")
    void syntaxError() {
        folder.basics("""
                format: 1
                id: basics: oops
                """);
        folder.onlyProblem(BASICS_FILE + ":2:11", "not valid YAML", "mapping values are not allowed");
    }

    @Test
    @DisplayName("a tab used for indentation is a syntax error on its line")
    void tabIndentation() {
        folder.basics("format: 1\nsections:\n\t- title: Intro\n");
        folder.onlyProblem(BASICS_FILE + ":3:1", "a tab character here", "replace the tab with spaces");
    }

    @Test
    @DisplayName("an empty file, or one with only comments, is reported as empty")
    void emptyFile() {
        folder.basics("");
        folder.onlyProblem(BASICS_FILE + ":1:1", "the file is empty");
        folder.basics("# nothing here yet\n");
        folder.onlyProblem(BASICS_FILE + ":1:1", "the file is empty");
    }

    @Test
    @DisplayName("a file whose top is a list or a plain value is not a mapping")
    void topLevelNotAMapping() {
        folder.basics("- format: 1\n- id: basics\n");
        folder.onlyProblem(BASICS_FILE + ":1:1", "expected a mapping of keys to values");
        folder.basics("\njust some words\n");
        folder.onlyProblem(BASICS_FILE + ":2:1", "expected a mapping of keys to values");
    }

    @Test
    @DisplayName("two documents in one file are not valid")
    void twoDocuments() {
        folder.basics(CourseFolder.BASICS + "---\nformat: 1\n");
        folder.onlyProblem(BASICS_FILE + ":14:1", "not valid YAML: expected a single document in the stream, "
                + "but found another document");
    }

    @Test
    @DisplayName("missing required keys are reported at the start of the mapping that lacks them")
    void missingRequiredKeys() {
        folder.basics("""
                # A lesson with neither title nor summary.
                format: 1
                id: basics
                sections:
                  - text: Hello.
                exercises:
                  - id: counter
                    files: [basics/Counter.java]
                    checks: [checks/CounterCheck.java]
                """);
        List<Problem> problems = folder.problems();
        assertEquals(5, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":2:1", "missing required key 'title'");
        CourseFolder.expect(problems, BASICS_FILE + ":2:1", "missing required key 'summary'");
        CourseFolder.expect(problems, BASICS_FILE + ":5:5", "missing required key 'title'");
        CourseFolder.expect(problems, BASICS_FILE + ":7:5", "missing required key 'title'");
        CourseFolder.expect(problems, BASICS_FILE + ":7:5", "missing required key 'task'");
    }

    @Test
    @DisplayName("a key with no value counts as missing")
    void emptyValueIsMissing() {
        folder.basics(CourseFolder.BASICS.replace("summary: A tiny lesson.", "summary:"));
        folder.onlyProblem(BASICS_FILE + ":1:1", "missing required key 'summary'");
    }

    @Test
    @DisplayName("a misspelt key is unknown, with the keys allowed there and the closest one")
    void unknownKeyWithSuggestion() {
        folder.basics(CourseFolder.BASICS.replace("    task: Make it exact.", "    task: Make it exact.\n    hint: Look."));
        Problem problem = folder.onlyProblem(BASICS_FILE + ":13:5", "unknown key 'hint'", "did you mean 'hints'?");
        assertTrue(problem.message().contains("allowed here: id, title, files, task, hints, checks"),
                problem.message());
    }

    @Test
    @DisplayName("a key that resembles nothing allowed gets no suggestion")
    void unknownKeyWithoutSuggestion() {
        folder.basics(CourseFolder.BASICS + "colour: red\n");
        Problem problem = folder.onlyProblem(BASICS_FILE + ":14:1", "unknown key 'colour'", "allowed here:");
        assertFalse(problem.message().contains("did you mean"), problem.message());
    }

    @Test
    @DisplayName("a misspelt required key is both unknown and missing")
    void misspeltRequiredKey() {
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "titel: Basics"));
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":1:1", "missing required key 'title'");
        CourseFolder.expect(problems, BASICS_FILE + ":3:1", "unknown key 'titel'", "did you mean 'title'?");
    }

    @Test
    @DisplayName("a key written twice in one mapping is reported at the second, naming the first")
    void duplicateKey() {
        folder.basics(CourseFolder.BASICS.replace("    task: Make it exact.",
                "    task: Make it exact.\n    title: Another title"));
        folder.onlyProblem(BASICS_FILE + ":13:5", "duplicate key 'title'", "first at line 10");
    }

    @Test
    @DisplayName("the same key in two different mappings is not a duplicate")
    void sameKeyInDifferentMappings() {
        // title appears in the lesson, the section and the exercise of the basics lesson.
        folder.load();
    }

    @Test
    @DisplayName("a list where a single value is expected")
    void listForSingleValue() {
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "title: [Basics, More]"));
        folder.onlyProblem(BASICS_FILE + ":3:8", "'title' must be a single value, not a list");
    }

    @Test
    @DisplayName("a mapping where a single value is expected")
    void mappingForSingleValue() {
        folder.basics(CourseFolder.BASICS.replace("    task: Make it exact.", "    task:\n      text: Make it exact."));
        folder.onlyProblem(BASICS_FILE + ":13:7", "'task' must be a single value, not a mapping");
    }

    @Test
    @DisplayName("a mapping or a plain value where a list of mappings is expected")
    void notAListOfMappings() {
        folder.basics(CourseFolder.BASICS.replace("""
                sections:
                  - title: Intro
                    text: Hello.
                """, """
                sections:
                  title: Intro
                  text: Hello.
                """));
        folder.onlyProblem(BASICS_FILE + ":6:3", "'sections' must be a list");

        folder.basics(CourseFolder.BASICS + "quiz: none\n");
        folder.onlyProblem(BASICS_FILE + ":14:7", "'quiz' must be a list");
    }

    @Test
    @DisplayName("a list item that is not a mapping where mappings are expected")
    void itemNotAMapping() {
        folder.basics(CourseFolder.BASICS.replace("  - title: Intro\n    text: Hello.\n",
                "  - title: Intro\n    text: Hello.\n  - Just a heading\n"));
        folder.onlyProblem(BASICS_FILE + ":8:5", "each item of 'sections' must be a mapping");
    }

    @Test
    @DisplayName("a mapping where a list of values is expected, and a list inside such a list")
    void notAListOfValues() {
        folder.basics(CourseFolder.BASICS.replace("    task: Make it exact.",
                "    task: Make it exact.\n    hints: {first: Look.}\n    tags: [race, [locks]]"));
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":13:12", "'hints' must be a list");
        CourseFolder.expect(problems, BASICS_FILE + ":14:18", "each item of 'tags' must be a single value");
    }

    @Test
    @DisplayName("an empty list where at least one item is required")
    void emptyRequiredList() {
        folder.basics(CourseFolder.BASICS.replace("files: [basics/Counter.java]", "files: []"));
        folder.onlyProblem(BASICS_FILE + ":11:12", "'files' must not be empty");
        folder.basics(CourseFolder.BASICS.replace("""
                sections:
                  - title: Intro
                    text: Hello.
                """, "sections: []\n"));
        folder.onlyProblem(BASICS_FILE + ":5:11", "'sections' must not be empty");
    }

    @Test
    @DisplayName("'correct' must be a boolean: a word or a quoted \"true\" is refused")
    void correctMustBeBoolean() {
        folder.basics(CourseFolder.BASICS + """
                quiz:
                  - id: q
                    question: Which?
                    choices:
                      - text: This one.
                        correct: maybe
                      - text: That one.
                        correct: "true"
                    explanation: Because.
                """);
        List<Problem> problems = folder.problems();
        CourseFolder.expect(problems, BASICS_FILE + ":19:18", "'correct' must be true or false");
        CourseFolder.expect(problems, BASICS_FILE + ":21:18", "'correct' must be true or false");
    }

    @Test
    @DisplayName("'correct: yes' is refused rather than silently read as false")
    void yesIsNotABoolean() {
        folder.basics(CourseFolder.BASICS + """
                quiz:
                  - id: q
                    question: Which?
                    choices:
                      - text: This one.
                        correct: yes
                      - text: That one.
                    explanation: Because.
                """);
        List<Problem> problems = folder.problems();
        CourseFolder.expect(problems, BASICS_FILE + ":19:18", "'correct' must be true or false");
    }

    @Test
    @DisplayName("an alias to an anchor that was never defined is a syntax error")
    void undefinedAlias() {
        folder.basics(CourseFolder.BASICS.replace("files: [basics/Counter.java]", "files: *sources"));
        folder.onlyProblem(BASICS_FILE + ":11:12", "not valid YAML", "undefined alias sources");
    }

    @Test
    @DisplayName("merge keys (<<) are not part of the format: reported, not silently ignored")
    void mergeKeyIsUnknown() {
        folder.basics(CourseFolder.BASICS.replace("  - title: Intro\n    text: Hello.\n",
                "  - &intro\n    title: Intro\n    text: Hello.\n  - <<: *intro\n    title: Again\n"));
        List<Problem> problems = folder.problems();
        CourseFolder.expect(problems, BASICS_FILE + ":9:5", "unknown key '<<'");
    }

    @Test
    @DisplayName("keys must be plain words, not lists or mappings")
    void complexKey() {
        folder.basics(CourseFolder.BASICS + "? [a, b]\n: value\n");
        folder.onlyProblem(BASICS_FILE + ":14:3", "keys must be plain words");
    }
}
