package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void showsTheStudentsAndTheChecksFramesNotThePlumbing() {
        IllegalStateException failure = new IllegalStateException("negative balance");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "checkIndex", "Objects.java", 1),
                new StackTraceElement("races.Account", "withdraw", "Account.java", 12),
                new StackTraceElement("org.threadlings.checks.Stress", "run", "Stress.java", 2),
                new StackTraceElement("races.checks.AccountCheck", "lambda$drains$0", "AccountCheck.java", 30),
                new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
                new StackTraceElement("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod",
                        "ReflectionUtils.java", 700),
                new StackTraceElement("org.junit.jupiter.engine.execution.MethodInvocation", "proceed",
                        "MethodInvocation.java", 60)});

        assertEquals("""
                threw java.lang.IllegalStateException: negative balance
                  at races.Account.withdraw(Account.java:12)
                  at races.checks.AccountCheck.lambda$drains$0(AccountCheck.java:30)""", Failures.threw(failure));
    }
}
