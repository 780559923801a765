package org.threadlings.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine is a pipeline with front ends: course model and loading at the bottom, grading in
 * the middle, front ends (cli, shell, tui) on top, consuming verdicts and progress. These rules
 * keep it that way.
 */
class LayeringTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.threadlings");
    }

    @Test
    void packages_form_no_cycles() {
        slices().matching("org.threadlings.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void layers_only_depend_downwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry").definedBy("org.threadlings")
                .layer("FrontEnds").definedBy("org.threadlings.cli..", "org.threadlings.shell..", "org.threadlings.tui..")
                .layer("Session").definedBy("org.threadlings.session..")
                .layer("Reports").definedBy("org.threadlings.report..", "org.threadlings.markdown..")
                .layer("Services").definedBy("org.threadlings.grading..", "org.threadlings.validation..",
                        "org.threadlings.examples..", "org.threadlings.progress..", "org.threadlings.workspace..",
                        "org.threadlings.scaffold..",
                        "org.threadlings.watch..")
                .layer("Runtime").definedBy("org.threadlings.sandbox..", "org.threadlings.compile..",
                        "org.threadlings.checks..", "org.threadlings.diagnosis..")
                .layer("Model").definedBy("org.threadlings.course..", "org.threadlings.loading..",
                        "org.threadlings.verdict..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("FrontEnds").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("FrontEnds")
                .whereLayer("Reports").mayOnlyBeAccessedByLayers("FrontEnds")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Session", "FrontEnds", "Services")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Entry", "FrontEnds", "Session", "Reports", "Services")
                .check(engine);
    }

    @Test
    void the_course_model_knows_nothing_of_grading_or_screens() {
        noClasses().that().resideInAPackage("org.threadlings.course..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadlings.loading..", "org.threadlings.grading..",
                        "org.threadlings.cli..", "org.threadlings.tui..", "org.threadlings.shell..")
                .check(engine);
    }

    @Test
    void grading_knows_nothing_of_front_ends_or_reports() {
        noClasses().that().resideInAnyPackage("org.threadlings.grading..", "org.threadlings.sandbox..",
                        "org.threadlings.checks..", "org.threadlings.diagnosis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadlings.cli..", "org.threadlings.tui..",
                        "org.threadlings.shell..", "org.threadlings.report..", "org.threadlings.progress..")
                .check(engine);
    }

    @Test
    void the_checks_toolkit_stays_small_in_what_it_needs() {
        // Hidden checks depend on the toolkit; it must not drag the runner's internals into them.
        noClasses().that().resideInAPackage("org.threadlings.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.threadlings.grading..", "org.threadlings.sandbox..",
                        "org.threadlings.compile..", "org.threadlings.loading..", "org.threadlings.workspace..")
                .check(engine);
    }

    @Test
    void only_the_terminal_ui_uses_lanterna() {
        noClasses().that().resideOutsideOfPackage("org.threadlings.tui..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .check(engine);
    }

    @Test
    void there_is_no_util_dumping_ground() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helpers..", "..common..").check(engine);
    }
}
