package io.tuneforge.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The rules every service's ObjectMapper (REST bodies included) reads JSON by. */
@Singleton
public class PlatformJackson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new TextOnlyStrings());
    }
}
