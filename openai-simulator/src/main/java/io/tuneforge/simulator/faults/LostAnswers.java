package io.tuneforge.simulator.faults;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The LOST fault: the operation has run (the job exists, the file is stored), and before its answer is
 * written the connection is closed, waiting for the close to complete so that no byte of the answer leaves.
 */
public class LostAnswers {

    static final String MARK = "tuneforge.fault.lost";
    private static final Logger LOG = Logger.getLogger(LostAnswers.class);

    @ServerResponseFilter
    public void lose(RoutingContext rc) {
        if (rc.get(MARK) == null) {
            return;
        }
        try {
            rc.request().connection().close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("lost answer: close did not complete: %s", e.toString());
        }
    }
}
