package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586, ReentrantLock@1b6d3586",
            "java.util.concurrent.locks.ReentrantLock$FairSync@1b6d3586, ReentrantLock@1b6d3586",
            "java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync@9, ReentrantReadWriteLock@9",
            "org.example.bank.Account@4554617c, Account@4554617c",
            "org.example.Philosophers$Fork@2a, Fork@2a",
            "org.example.Philosophers$1@2b, Philosophers$1@2b",
            "java.lang.Object@5e, Object@5e",
            "Account@7, Account@7",
            "org.example.Account, Account",
    })
    void displayNameIsShortAndHidesSynchronizerInnards(String identity, String display) {
        assertEquals(display, new Lock(identity).displayName());
        assertEquals(display, new Lock(identity).toString());
    }

    @ParameterizedTest
    @CsvSource({
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject@3, ConditionObject@3",
            "org.example.Sync@3, Sync@3",
    })
    void aNestedSyncNamesItsOwnerAndOtherNestedClassesTheirOwnName(String identity, String display) {
        assertEquals(display, new Lock(identity).displayName());
    }
}
