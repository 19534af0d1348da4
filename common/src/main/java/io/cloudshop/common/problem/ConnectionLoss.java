package io.cloudshop.common.problem;

import java.sql.SQLException;
import java.util.Set;

/** Whether a failure came from a lost database connection, by the SQL state of an {@link SQLException} among its causes. */
final class ConnectionLoss {

    /**
     * PostgreSQL's "operator intervention" states for a server going away: shut down by an admin, crashed (including
     * "terminating connection due to unexpected postmaster exit"), or not accepting connections yet.
     */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    /**
     * HikariCP's exception, without a SQL state, for a connection it has already evicted as broken: what the rollback
     * after a statement that lost its connection gets (seen in the fault drills when PostgreSQL was killed).
     */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private ConnectionLoss() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || SERVER_GONE.contains(state))) {
                    return true;
                }
                if (state == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
