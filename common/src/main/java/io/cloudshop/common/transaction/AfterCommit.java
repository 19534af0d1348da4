package io.cloudshop.common.transaction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must only happen once the current transaction committed (counting, evicting a cache). */
public final class AfterCommit {

    private AfterCommit() {}

    /**
     * Runs {@code action} after the current transaction commits, or now when no transaction is active; never after a
     * rollback.
     */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
