package io.tuneforge.dataset.validation.tokens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fine-tunable model as far as validation cares: its encoding and how many tokens one training example may hold,
 * and the one place that turns a model name into it ({@link #named}). Services that need a name's base model,
 * tokenizer or example limit (estimates, training, datasets) call {@link #named} or {@link #find} too.
 *
 * <p>Names resolved: the catalog id ({@code gpt-4.1-mini}), its dated snapshots ({@code gpt-4.1-mini-2025-04-14}),
 * Azure OpenAI's spellings ({@code gpt-35-turbo-0125}), an OpenAI fine-tuned model trained further
 * ({@code ft:<base>:<org>:<suffix>:<id>}, the suffix may be empty, a {@code :ckpt-step-N} checkpoint too), an Azure
 * fine-tuned model ({@code <base>.ft-<id>}), and an Azure deployment name through the account's deployment map.
 * Anything else is refused with the list of known names: a wrong tokenizer silently shifts every count, limit
 * and cost estimate.
 *
 * <p>Limits per example: OpenAI's fine-tuning guide and Azure OpenAI's fine-tuning model table (gpt-4o and gpt-4.1
 * families 65,536, gpt-4.1-nano 32,768; gpt-3.5-turbo-0125/-1106 16,385, -0613 4,096; gpt-4-0613 8,192), the same
 * figures as cost-service's catalog.
 *
 * @param name                the name as given
 * @param baseModel           the catalog id of the base model, e.g. {@code gpt-4o-mini}
 * @param snapshot            the dated snapshot the name resolves to, e.g. {@code gpt-4o-mini-2024-07-18}
 * @param encoding            its tokenizer
 * @param maxTokensPerExample its per-example training limit
 */
public record TrainingModel(String name, String baseModel, String snapshot, TokenEncoding encoding, int maxTokensPerExample) {

    private record Known(String id, String snapshot, TokenEncoding encoding, int limit, List<String> otherNames) {
    }

    private static final List<Known> CATALOG = List.of(
            new Known("gpt-4.1", "gpt-4.1-2025-04-14", TokenEncoding.O200K_BASE, 65_536, List.of()),
            new Known("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14", TokenEncoding.O200K_BASE, 65_536, List.of()),
            new Known("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", TokenEncoding.O200K_BASE, 32_768, List.of()),
            new Known("gpt-4o", "gpt-4o-2024-08-06", TokenEncoding.O200K_BASE, 65_536, List.of()),
            new Known("gpt-4o-mini", "gpt-4o-mini-2024-07-18", TokenEncoding.O200K_BASE, 65_536, List.of()),
            new Known("gpt-3.5-turbo", "gpt-3.5-turbo-0125", TokenEncoding.CL100K_BASE, 16_385, List.of("gpt-35-turbo", "gpt-35-turbo-0125")),
            new Known("gpt-3.5-turbo-1106", "gpt-3.5-turbo-1106", TokenEncoding.CL100K_BASE, 16_385, List.of("gpt-35-turbo-1106")),
            new Known("gpt-3.5-turbo-0613", "gpt-3.5-turbo-0613", TokenEncoding.CL100K_BASE, 4_096, List.of("gpt-35-turbo-0613")),
            new Known("gpt-4-0613", "gpt-4-0613", TokenEncoding.CL100K_BASE, 8_192, List.of("gpt-4")));

    private static final Pattern AZURE_FINE_TUNED = Pattern.compile("^(.+)\\.ft-[0-9A-Za-z][0-9A-Za-z_-]*$");

    /** Declared after the tables it is resolved from. */
    public static final TrainingModel GPT_4O_MINI = named("gpt-4o-mini-2024-07-18");

    /** Every name {@link #named} accepts without a deployment map, base models first (for messages and CLI help). */
    public static List<String> knownNames() {
        List<String> names = new ArrayList<>();
        for (Known k : CATALOG) {
            names.add(k.id);
            if (!k.snapshot.equals(k.id)) {
                names.add(k.snapshot);
            }
            names.addAll(k.otherNames);
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The model {@code model} names, OpenAI or Azure spelling, base or fine-tuned.
     *
     * @throws UnknownModelException when the name is empty or names no fine-tunable model (its message lists the known ones)
     */
    public static TrainingModel named(String model) {
        return named(model, Map.of());
    }

    /**
     * As {@link #named(String)}, also accepting an Azure OpenAI deployment name: {@code deployments} maps the account's
     * deployment names to the model each serves (a base or fine-tuned model name).
     */
    public static TrainingModel named(String model, Map<String, String> deployments) {
        return find(model, deployments).orElseThrow(() -> new UnknownModelException(model, knownNames()));
    }

    /** The model {@code model} names, or empty when it names none. */
    public static Optional<TrainingModel> find(String model, Map<String, String> deployments) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String name = model.strip();
        Optional<Known> known = base(name);
        if (known.isEmpty() && deployments.containsKey(name)) {
            String served = deployments.get(name);
            known = served == null || served.equals(name) ? Optional.empty() : base(served.strip());
        }
        return known.map(k -> new TrainingModel(model, k.id, k.snapshot, k.encoding, k.limit));
    }

    private static Optional<Known> base(String name) {
        if (name.startsWith("ft:")) {
            // ft:<base>:<org>:<suffix>:<id>[:ckpt-step-N]: the base is the first field; a fine-tuned model is never a base
            String[] fields = name.split(":", -1);
            return fields.length >= 3 && !fields[1].isEmpty() ? catalog(fields[1]) : Optional.empty();
        }
        var azure = AZURE_FINE_TUNED.matcher(name);
        return catalog(azure.matches() ? azure.group(1) : name);
    }

    private static Optional<Known> catalog(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Known best = null;
        for (Known k : CATALOG) {
            boolean matches = n.equals(k.id) || n.equals(k.snapshot) || k.otherNames.contains(n) || isDatedSnapshotOf(n, k.id);
            // gpt-4.1-mini-2025-04-14 is gpt-4.1-mini, not gpt-4.1: the longest matching id wins
            if (matches && (best == null || k.id.length() > best.id.length())) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Another dated snapshot of a catalog model, e.g. gpt-4o-2024-05-13 (same family, same tokenizer and limit). */
    private static boolean isDatedSnapshotOf(String name, String id) {
        return name.startsWith(id + "-") && name.substring(id.length() + 1).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** A model name that names no fine-tunable model. */
    public static final class UnknownModelException extends IllegalArgumentException {

        private final transient List<String> known;

        UnknownModelException(String model, List<String> known) {
            super((model == null || model.isBlank() ? "no model given" : "unknown model '" + model + "'")
                    + ": use a fine-tunable model (" + String.join(", ", known)
                    + "), a fine-tuned model built on one (ft:<base>:<org>:<suffix>:<id>, or Azure's <base>.ft-<id>)"
                    + ", or an Azure deployment of one");
            this.known = known;
        }

        public List<String> known() {
            return known;
        }
    }
}
