package io.tuneforge.training.pipeline;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A pipeline's schedule: a Unix cron expression (5 fields, evaluated in UTC), parsed by cron-utils. */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronSchedule() {
    }

    /** Null when valid, else what is wrong with it. */
    public static String problem(String expression) {
        try {
            parse(expression);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The first run strictly after {@code after}; empty for an expression that never fires again. */
    public static Optional<Instant> nextAfter(String expression, Instant after) {
        return ExecutionTime.forCron(parse(expression)).nextExecution(after.atZone(ZoneOffset.UTC)).map(t -> t.toInstant());
    }

    private static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        return PARSER.parse(expression.trim()).validate();
    }
}
