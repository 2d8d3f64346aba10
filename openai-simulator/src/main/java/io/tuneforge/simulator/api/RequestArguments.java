package io.tuneforge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The request arguments OpenAI accepts per operation (the properties of its published request schemas,
 * openai/openai-openapi); anything else is answered as OpenAI does: 400 "Unrecognized request argument
 * supplied: <name>". An argument being known does not mean the simulator acts on it (README).
 */
public final class RequestArguments {

    /** CreateChatCompletionRequest with CreateModelResponseProperties. */
    public static final Set<String> CHAT_COMPLETION = Set.of("audio", "frequency_penalty", "function_call", "functions", "logit_bias",
            "logprobs", "max_completion_tokens", "max_tokens", "messages", "metadata", "modalities", "model", "moderation", "n",
            "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention",
            "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop", "store", "stream",
            "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user", "verbosity", "web_search_options");

    public static final Set<String> CREATE_FINE_TUNING_JOB = Set.of("hyperparameters", "integrations", "metadata", "method", "model",
            "seed", "suffix", "training_file", "validation_file");

    public static final Set<String> CREATE_UPLOAD = Set.of("bytes", "expires_after", "filename", "mime_type", "purpose");

    public static final Set<String> COMPLETE_UPLOAD = Set.of("md5", "part_ids");

    private RequestArguments() {}

    public static void check(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            return;
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw OpenAiErrorException.invalid("Unrecognized request argument supplied: " + name, null);
            }
        }
    }
}
