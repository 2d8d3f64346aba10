package io.tuneforge.cost.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether a base model can be trained on a provider on a given day, decided from its lifecycle facts alone
 * (no clock, no database), so the rule is tested directly:
 *
 * <ul>
 *   <li>no lifecycle entry: {@code unknown}; the provider decides;</li>
 *   <li>not fine-tunable there, a method or tier it does not offer, or on/after the earlier of its shutdown
 *       and the provider's end of new training jobs: {@code refused}, with the substitute;</li>
 *   <li>within {@value #WARN_DAYS} days of that date, or deprecated: {@code warned};</li>
 *   <li>otherwise {@code allowed}.</li>
 * </ul>
 */
public record Trainability(Verdict verdict, String reason, String substitute, String substituteProvider, LocalDate cutoff,
                           Long daysLeft) {

    public static final int WARN_DAYS = 90;

    public enum Verdict {
        ALLOWED, WARNED, REFUSED, UNKNOWN;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    /** The facts the decision reads (a lifecycle entry). Dates null = unknown. */
    public record Facts(String model, String provider, boolean fineTunable, List<String> methods, List<String> tiers,
                        LocalDate deprecatedOn, LocalDate shutdownOn, LocalDate trainingEndsOn, String substitute,
                        String substituteProvider) {
    }

    /**
     * @param facts  the model's entry for the provider, null when there is none
     * @param method the method the job uses, null = not asked
     * @param tier   the Azure training tier the job uses, null = not asked
     */
    public static Trainability decide(Facts facts, String model, String provider, LocalDate on, String method, String tier) {
        if (facts == null) {
            return new Trainability(Verdict.UNKNOWN, "The catalog has no lifecycle entry for " + model + " on " + provider
                    + "; the provider decides. A catalog admin adds one with PUT /api/v1/catalog/lifecycle/" + model + "/" + provider
                    + ".", null, null, null, null);
        }
        String instead = insteadText(facts);
        if (!facts.fineTunable()) {
            return refused(facts, model + " cannot be fine-tuned on " + provider + "." + instead, null, null);
        }
        if (method != null && !facts.methods().contains(method)) {
            return refused(facts, model + " on " + provider + " does not offer method '" + method + "' (it offers "
                    + listed(facts.methods()) + ")." + instead, null, null);
        }
        if (tier != null && !facts.tiers().contains(tier)) {
            return refused(facts, model + " on " + provider + " does not offer training tier '" + tier + "' (it offers "
                    + listed(facts.tiers()) + ").", null, null);
        }
        boolean shutdownFirst = facts.shutdownOn() != null
                && (facts.trainingEndsOn() == null || !facts.trainingEndsOn().isBefore(facts.shutdownOn()));
        LocalDate cutoff = shutdownFirst ? facts.shutdownOn() : facts.trainingEndsOn();
        String what = shutdownFirst ? model + " is shut down on " + provider : "new fine-tuning jobs on " + provider + " end";
        if (cutoff != null && !on.isBefore(cutoff)) {
            String since = shutdownFirst ? model + " was shut down on " + provider + " on " + cutoff
                    : provider + " stopped creating new fine-tuning jobs for " + model + " on " + cutoff;
            return refused(facts, since + "." + instead, cutoff, ChronoUnit.DAYS.between(on, cutoff));
        }
        if (cutoff != null) {
            long daysLeft = ChronoUnit.DAYS.between(on, cutoff);
            if (daysLeft <= WARN_DAYS) {
                return new Trainability(Verdict.WARNED, what + " on " + cutoff + ", in " + daysLeft + " days: a model trained now"
                        + (shutdownFirst ? " stops serving then." : " cannot be retrained there after that.") + instead,
                        facts.substitute(), facts.substituteProvider(), cutoff, daysLeft);
            }
        }
        if (facts.deprecatedOn() != null && !on.isBefore(facts.deprecatedOn())) {
            return new Trainability(Verdict.WARNED, model + " is deprecated on " + provider + " since " + facts.deprecatedOn()
                    + (cutoff == null ? " (shutdown date unknown)." : " (cutoff " + cutoff + ").") + instead,
                    facts.substitute(), facts.substituteProvider(), cutoff, cutoff == null ? null : ChronoUnit.DAYS.between(on, cutoff));
        }
        return new Trainability(Verdict.ALLOWED, model + " can be fine-tuned on " + provider + " on " + on + ".",
                facts.substitute(), facts.substituteProvider(), cutoff, cutoff == null ? null : ChronoUnit.DAYS.between(on, cutoff));
    }

    private static Trainability refused(Facts facts, String reason, LocalDate cutoff, Long daysLeft) {
        return new Trainability(Verdict.REFUSED, reason, facts.substitute(), facts.substituteProvider(), cutoff, daysLeft);
    }

    private static String insteadText(Facts facts) {
        if (facts.substitute() == null) {
            return " No substitute is recorded.";
        }
        String where = facts.substituteProvider() == null ? "" : " on " + facts.substituteProvider();
        boolean sameModel = facts.substitute().equals(facts.model());
        return sameModel ? " Train " + facts.substitute() + where + " instead (use an account of that provider)."
                : " Substitute: " + facts.substitute() + where + ".";
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
