package io.tuneforge.platform.availability;

import jakarta.transaction.SystemException;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * Tells a failure of the infrastructure (the database, the broker, the transaction manager, another
 * service unreachable) from a failure of the work itself. The first kind is temporary and says
 * nothing about the request or the message: a consumer waits and retries it without limit, a REST
 * call answers 503 with {@code Retry-After}. Everything else is the work's own fault: a message is
 * dead-lettered after its bounded retries, a request gets its 4xx or 500.
 *
 * <p>The whole cause chain is looked at, since Hibernate, Narayana and the REST client each wrap the
 * driver's or the socket's exception in their own.
 */
public final class DependencyFailures {

    private DependencyFailures() {
    }

    /** The dependency that is down when {@code failure} comes from one, else empty. */
    public static Optional<Dependency> unavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Optional<Dependency> down = classify(t);
            if (down.isPresent()) {
                return down;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (seen.add(suppressed) && classify(suppressed).isPresent()) {
                    return classify(suppressed);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Dependency> classify(Throwable t) {
        if (t instanceof JDBCConnectionException) {
            return Optional.of(Dependency.DATABASE);
        }
        if (t instanceof SQLException sql) {
            return databaseUnavailable(sql) ? Optional.of(Dependency.DATABASE) : Optional.empty();
        }
        if (t instanceof SystemException) {
            return Optional.of(Dependency.TRANSACTIONS);
        }
        if (t instanceof RetriableException) {
            // Kafka's own marker for "try again later": broker unreachable, timed out, leader moving.
            return Optional.of(Dependency.MESSAGE_BROKER);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                || t instanceof SocketTimeoutException || t instanceof SocketException) {
            return Optional.of(Dependency.REMOTE_SERVICE);
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01..57P03 are PostgreSQL shutting down or not
     * yet accepting connections; 53300 is "too many connections". Agroal reports a pool that could
     * not hand out a connection in time without a SQLSTATE, only by its message.
     */
    private static boolean databaseUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"))) {
            return true;
        }
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
