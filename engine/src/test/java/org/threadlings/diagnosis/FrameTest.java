package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameTest {

    @Test
    void parsesAJdkFrameWithItsModule() {
        Frame frame = Frame.parse("java.base/java.lang.Thread.run(Thread.java:1583)");

        assertEquals(new Frame("java.lang.Thread", "run", "Thread.java", 1583), frame);
        assertTrue(frame.isJdk());
        assertEquals("Thread.java:1583", frame.location());
    }

    @Test
    void parsesAFrameWithoutPrefix() {
        Frame frame = Frame.parse("Foo.bar(Foo.java:9)");

        assertEquals(new Frame("Foo", "bar", "Foo.java", 9), frame);
        assertFalse(frame.isJdk());
        assertEquals("Foo", frame.simpleClassName());
        assertEquals("Foo.bar(Foo.java:9)", frame.toString());
    }

    @Test
    void aNativeMethodHasNeitherFileNorLine() {
        Frame frame = Frame.parse("java.base/java.lang.Object.wait0(Native Method)");

        assertEquals(new Frame("java.lang.Object", "wait0", null, -1), frame);
        assertEquals("Object", frame.location(), "without a file the class stands for the place");
    }

    @Test
    void anUnknownSourceHasNeitherFileNorLine() {
        assertEquals(new Frame("org.example.Gen", "go", null, -1), Frame.parse("org.example.Gen.go(Unknown Source)"));
    }

    @Test
    void aFileWithoutLineKeepsTheFile() {
        Frame frame = Frame.parse("org.example.Foo.bar(Foo.java)");

        assertEquals(new Frame("org.example.Foo", "bar", "Foo.java", -1), frame);
        assertEquals("Foo.java", frame.location());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // class loader, no module
            "app//org.example.races.Counter.increment(Counter.java:14)",
            // module with a version
            "java.base@25.0.1/org.example.races.Counter.increment(Counter.java:14)",
            // class loader and module with a version
            "com.foo.loader/foo@9.0/org.example.races.Counter.increment(Counter.java:14)",
            // named module without version
            "races/org.example.races.Counter.increment(Counter.java:14)",
    })
    void dropsLoaderAndModulePrefixes(String text) {
        assertEquals(new Frame("org.example.races.Counter", "increment", "Counter.java", 14), Frame.parse(text));
    }

    @Test
    void keepsNestedClassAndLambdaNames() {
        Frame frame = Frame.parse("app//org.example.Bank$Account.lambda$transfer$0(Bank.java:31)");

        assertEquals("org.example.Bank$Account", frame.className());
        assertEquals("lambda$transfer$0", frame.methodName());
        assertEquals("Bank$Account", frame.simpleClassName());
    }

    @Test
    void aBrokenLineNumberCountsAsNone() {
        assertEquals(new Frame("a.B", "c", "B.java", -1), Frame.parse("a.B.c(B.java:x)"));
    }

    @Test
    void ofCopiesAStackTraceElement() {
        StackTraceElement element = new StackTraceElement("org.example.Foo", "bar", "Foo.java", 7);

        assertEquals(new Frame("org.example.Foo", "bar", "Foo.java", 7), Frame.of(element));
    }

    @ParameterizedTest
    @CsvSource({
            "java.util.concurrent.FutureTask, true",
            "javax.swing.JFrame, true",
            "jdk.internal.misc.Unsafe, true",
            "sun.nio.ch.Net, true",
            "com.sun.management.internal.Flag, true",
            "org.example.Counter, false",
            "javaish.Thing, false",
    })
    void tellsJdkFramesFromOthers(String className, boolean jdk) {
        assertEquals(jdk, new Frame(className, "m", null, -1).isJdk());
    }

    @Test
    void isInMeansThePackageOrBelowNotANamePrefix() {
        Frame frame = new Frame("org.example.races.Counter", "m", null, -1);

        assertTrue(frame.isIn("org.example"));
        assertTrue(frame.isIn("org.example.races"));
        assertFalse(frame.isIn("org.exam"));
        assertFalse(frame.isIn("org.example.racesX"));
    }
}
