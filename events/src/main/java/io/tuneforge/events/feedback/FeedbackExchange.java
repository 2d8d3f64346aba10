package io.tuneforge.events.feedback;

import java.util.List;
import java.util.Map;

/**
 * What the rated model was asked and what it answered, carried in {@code feedback.recorded} only when
 * the alias captures exchanges ({@code capture} on the alias: an opt-in, because prompts may hold
 * personal data). The shapes are OpenAI's chat shapes as the caller sent them and the gateway served
 * them, so a consumer can turn the exchange into a supervised or preference (DPO) example without
 * translation.
 *
 * @param messages        the request's {@code messages}, as sent (system/developer/user/assistant/tool,
 *                        string or part content, tool calls); never empty
 * @param tools           the request's {@code tools}, or null when it had none
 * @param output          the assistant message served: {@code role} "assistant", {@code content}, and
 *                        {@code tool_calls} when it called tools
 * @param correctedOutput the text the user said the answer should have been, or null
 */
public record FeedbackExchange(
        List<Map<String, Object>> messages,
        List<Map<String, Object>> tools,
        Map<String, Object> output,
        String correctedOutput) {
}
