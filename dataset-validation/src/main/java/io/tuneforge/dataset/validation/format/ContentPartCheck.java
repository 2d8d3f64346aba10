package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.report.FindingCode;
import java.util.Locale;
import java.util.Set;

/**
 * Content given as parts (vision fine-tuning): text parts and image_url parts, with OpenAI's rules: images only
 * in user messages, https or base64 data URLs, JPEG/PNG/WEBP, at most 10 MB each. Image pixels are not decoded:
 * the size is computed from the base64 length, which is enough to catch the common failure.
 */
final class ContentPartCheck {

    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final Set<String> IMAGE_TYPES = Set.of("jpeg", "jpg", "png", "webp");
    private static final Set<String> DETAILS = Set.of("auto", "low", "high");

    private ContentPartCheck() {
    }

    static ContentParts check(JsonNode parts, String base, String role, LineContext ctx) {
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        int images = 0;
        for (int j = 0; j < parts.size(); j++) {
            JsonNode part = parts.get(j);
            String path = base + "[" + j + "]";
            String type = part.path("type").asText(null);
            if (!part.isObject() || type == null) {
                ctx.report(FindingCode.INVALID_CONTENT_PART, path, "content part must be an object with a \"type\"");
                continue;
            }
            switch (type) {
                case "text" -> {
                    JsonNode t = part.get("text");
                    if (t == null || !t.isTextual()) {
                        ctx.report(FindingCode.INVALID_CONTENT_PART, path, "text part needs a string \"text\"");
                    } else {
                        tokens += ctx.text(path + ".text", t.textValue());
                        text.append(t.textValue());
                    }
                }
                case "image_url" -> {
                    images++;
                    if (!"user".equals(role)) {
                        ctx.report(FindingCode.IMAGE_OUTSIDE_USER_MESSAGE, path, "image in a " + (role == null ? "message" : role + " message")
                                + "; images are only allowed in user messages");
                    }
                    image(part.get("image_url"), path + ".image_url", ctx);
                }
                default -> ctx.report(FindingCode.INVALID_CONTENT_PART, path, "content part type " + JsonTypes.quote(type)
                        + " is not supported for fine-tuning (use text or image_url)");
            }
        }
        return new ContentParts(text.toString(), tokens, images);
    }

    private static void image(JsonNode imageUrl, String path, LineContext ctx) {
        JsonNode url = imageUrl == null ? null : imageUrl.get("url");
        if (imageUrl == null || !imageUrl.isObject() || url == null || !url.isTextual()) {
            ctx.report(FindingCode.INVALID_IMAGE, path, "image_url must be {\"url\": \"https://...\" or \"data:image/...;base64,...\"}");
            return;
        }
        JsonNode detail = imageUrl.get("detail");
        if (detail != null && !(detail.isTextual() && DETAILS.contains(detail.textValue()))) {
            ctx.report(FindingCode.INVALID_CONTENT_PART, path + ".detail", "detail must be auto, low or high");
        }
        String u = url.textValue();
        if (u.startsWith("https://")) {
            return;
        }
        if (u.startsWith("data:")) {
            int comma = u.indexOf(',');
            String header = comma < 0 ? u : u.substring(5, comma).toLowerCase(Locale.ROOT);
            if (comma < 0 || !header.startsWith("image/") || !header.endsWith(";base64")) {
                ctx.report(FindingCode.INVALID_IMAGE, path + ".url", "data URL must look like data:image/png;base64,...");
                return;
            }
            String format = header.substring(6, header.length() - 7);
            if (!IMAGE_TYPES.contains(format)) {
                ctx.report(FindingCode.INVALID_IMAGE, path + ".url", "image format " + JsonTypes.quote(format)
                        + " is not supported (use JPEG, PNG or WEBP)");
            }
            long encoded = u.length() - comma - 1;
            long bytes = encoded / 4 * 3;
            if (bytes > MAX_IMAGE_BYTES) {
                ctx.report(FindingCode.IMAGE_TOO_LARGE, path + ".url", "image is about " + (bytes / (1024 * 1024)) + " MB; the limit is 10 MB");
            }
            return;
        }
        ctx.report(FindingCode.INVALID_IMAGE, path + ".url", "image URL must use https or be a base64 data URL, not "
                + JsonTypes.quote(u.length() > 16 ? u.substring(0, 16) : u));
    }
}
