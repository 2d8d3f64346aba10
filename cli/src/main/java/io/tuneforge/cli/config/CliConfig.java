package io.tuneforge.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's config file, for a platform that is not the local stack:
 *
 * <pre>
 * api_key: tf-live-...
 * urls:
 *   dataset-service: https://datasets.tuneforge.example.com
 *   training-service: https://training.tuneforge.example.com
 *   eval-service: https://evals.tuneforge.example.com
 *   cost-service: https://cost.tuneforge.example.com
 * </pre>
 *
 * Found at {@code --config}, else {@code $TUNEFORGE_CONFIG}, else {@code $XDG_CONFIG_HOME/tuneforge/config.yaml}
 * ({@code ~/.config/tuneforge/config.yaml}). A missing default file is no config; a named file that is
 * missing or malformed is an error, because the user asked for it.
 */
public record CliConfig(Path source, String apiKey, Map<String, String> urls) {

    public static final String CONFIG_VARIABLE = "TUNEFORGE_CONFIG";
    public static final CliConfig NONE = new CliConfig(null, null, Map.of());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape; unknown keys are refused so a typo ("api-key") is not silently ignored. */
    private record FileContent(@JsonProperty("api_key") String apiKey, @JsonProperty("urls") Map<String, String> urls) {
    }

    /** The URL configured for a service, by its full name ({@code training-service}) or short name ({@code training}). */
    public Optional<String> url(String service) {
        String value = urls.get(service);
        if (value == null && service.endsWith("-service")) {
            value = urls.get(service.substring(0, service.length() - "-service".length()));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public Optional<String> key() {
        return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
    }

    public static CliConfig load(Path flag, Map<String, String> environment) {
        if (flag != null) {
            return read(flag, true);
        }
        String named = environment.get(CONFIG_VARIABLE);
        if (named != null && !named.isBlank()) {
            return read(Path.of(named), true);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return read(base.resolve("tuneforge").resolve("config.yaml"), false);
    }

    static CliConfig read(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new IllegalArgumentException("config file " + file.toAbsolutePath() + " does not exist (named by --config or "
                        + CONFIG_VARIABLE + ")");
            }
            return NONE;
        }
        try {
            FileContent content = YAML.readValue(file.toFile(), FileContent.class);
            if (content == null) {
                return new CliConfig(file, null, Map.of());
            }
            Map<String, String> urls = new LinkedHashMap<>(content.urls() == null ? Map.of() : content.urls());
            return new CliConfig(file, content.apiKey(), Map.copyOf(urls));
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "'; expected keys: api_key, urls (service name -> base URL)", e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("config file " + file + ": " + e.getOriginalMessage()
                    + "; expected keys: api_key, urls (service name -> base URL)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }
}
