package io.tuneforge.cost;

import io.tuneforge.cost.lifecycle.Trainability;
import io.tuneforge.cost.lifecycle.Trainability.Facts;
import io.tuneforge.cost.lifecycle.Trainability.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "can model X be trained on provider P on day D" rule, without a service around it. */
class TrainabilityTest {

    private static final LocalDate TRAINING_ENDS = LocalDate.of(2027, 1, 6);

    private static Facts openAi(LocalDate shutdown, LocalDate deprecated) {
        return new Facts("gpt-4.1-mini", "openai", true, List.of("sft", "dpo"), List.of(), deprecated, shutdown, TRAINING_ENDS,
                "gpt-4.1-mini", "azure");
    }

    private static Trainability on(Facts facts, LocalDate day) {
        return Trainability.decide(facts, "gpt-4.1-mini", "openai", day, null, null);
    }

    @Test
    void allowedWellBeforeTheCutoff() {
        Trainability t = on(openAi(null, null), LocalDate.of(2026, 9, 1));
        assertEquals(Verdict.ALLOWED, t.verdict());
        assertEquals(127L, t.daysLeft());
    }

    @Test
    void warnedWithinNinetyDaysOfTheEndOfTraining() {
        Trainability t = on(openAi(null, null), LocalDate.of(2026, 12, 7));
        assertEquals(Verdict.WARNED, t.verdict());
        assertEquals(30L, t.daysLeft());
        assertTrue(t.reason().contains("2027-01-06"), t.reason());
        assertTrue(t.reason().contains("on azure"), t.reason());
        // 90 days before is the first warned day, 91 days before is not
        assertEquals(Verdict.WARNED, on(openAi(null, null), TRAINING_ENDS.minusDays(90)).verdict());
        assertEquals(Verdict.ALLOWED, on(openAi(null, null), TRAINING_ENDS.minusDays(91)).verdict());
    }

    @Test
    void refusedFromTheCutoffDayOnWithTheSubstituteNamed() {
        Trainability t = on(openAi(null, null), TRAINING_ENDS);
        assertEquals(Verdict.REFUSED, t.verdict());
        assertEquals("gpt-4.1-mini", t.substitute());
        assertEquals("azure", t.substituteProvider());
        assertEquals(TRAINING_ENDS, t.cutoff());
        assertTrue(t.reason().contains("stopped creating new fine-tuning jobs"), t.reason());
        assertEquals(Verdict.WARNED, on(openAi(null, null), TRAINING_ENDS.minusDays(1)).verdict());
    }

    @Test
    void aShutdownBeforeTheEndOfTrainingDecides() {
        LocalDate shutdown = LocalDate.of(2026, 10, 23);
        Trainability t = on(openAi(shutdown, LocalDate.of(2026, 4, 22)), LocalDate.of(2026, 11, 1));
        assertEquals(Verdict.REFUSED, t.verdict());
        assertEquals(shutdown, t.cutoff());
        assertEquals(-9L, t.daysLeft());
        assertTrue(t.reason().contains("was shut down"), t.reason());
    }

    @Test
    void deprecatedButFarFromShutdownIsWarned() {
        Facts facts = new Facts("gpt-4o", "azure", true, List.of("sft"), List.of("standard", "global"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 1), null, "gpt-4.1", "azure");
        Trainability t = Trainability.decide(facts, "gpt-4o", "azure", LocalDate.of(2026, 6, 1), null, null);
        assertEquals(Verdict.WARNED, t.verdict());
        assertTrue(t.reason().contains("deprecated"), t.reason());
        assertTrue(t.reason().contains("Substitute: gpt-4.1 on azure"), t.reason());
    }

    @Test
    void methodAndTierMustBeOffered() {
        Facts facts = new Facts("gpt-4o-mini", "azure", true, List.of("sft"), List.of("standard", "global", "developer"),
                null, null, null, null, null);
        LocalDate day = LocalDate.of(2026, 12, 7);
        assertEquals(Verdict.REFUSED, Trainability.decide(facts, "gpt-4o-mini", "azure", day, "dpo", null).verdict());
        assertEquals(Verdict.ALLOWED, Trainability.decide(facts, "gpt-4o-mini", "azure", day, "sft", "developer").verdict());
        Facts noDeveloper = new Facts("gpt-4o-mini", "azure", true, List.of("sft"), List.of("standard"), null, null, null, null, null);
        Trainability t = Trainability.decide(noDeveloper, "gpt-4o-mini", "azure", day, "sft", "developer");
        assertEquals(Verdict.REFUSED, t.verdict());
        assertTrue(t.reason().contains("training tier 'developer'"), t.reason());
    }

    @Test
    void notFineTunableIsRefusedAndNoEntryIsUnknown() {
        Facts facts = new Facts("gpt-4o", "openai", false, List.of(), List.of(), null, null, null, null, null);
        Trainability refused = Trainability.decide(facts, "gpt-4o", "openai", LocalDate.of(2026, 1, 1), null, null);
        assertEquals(Verdict.REFUSED, refused.verdict());
        assertTrue(refused.reason().contains("No substitute is recorded"), refused.reason());
        Trainability unknown = Trainability.decide(null, "gpt-4o", "openai", LocalDate.of(2026, 1, 1), null, null);
        assertEquals(Verdict.UNKNOWN, unknown.verdict());
        assertNull(unknown.cutoff());
    }
}
