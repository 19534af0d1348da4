package io.cloudshop.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which listener failures wait for the infrastructure instead of dead-lettering the record. */
class MessagingAutoConfigurationTests {

    @Test
    void infrastructureFailuresAreRetriedUntilTheyWork() {
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(new ListenerExecutionFailedException(
                        "listener failed", new CannotCreateTransactionException("no connection"))))
                .isTrue();
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(new ListenerExecutionFailedException(
                        "listener failed", new CannotAcquireLockException("deadlock"))))
                .isTrue();
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(
                        new OptimisticLockingFailureException("version conflict")))
                .isTrue();
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(
                        new RuntimeException(new SQLTransientConnectionException("pool exhausted"))))
                .isTrue();
    }

    @Test
    void failuresOfTheRecordItselfAreNot() {
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(new ListenerExecutionFailedException(
                        "listener failed", new MalformedEventException("not json"))))
                .isFalse();
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(new IllegalStateException("no such order")))
                .isFalse();
        assertThat(MessagingAutoConfiguration.infrastructureUnavailable(
                        new DataIntegrityViolationException("constraint")))
                .isFalse();
    }
}
