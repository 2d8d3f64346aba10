package io.tuneforge.simulator.inference;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The base models this simulator serves, by alias and by snapshot name. */
@ApplicationScoped
public class ModelCatalog {

    private final Map<String, BaseModel> byName = new LinkedHashMap<>();
    private final List<BaseModel> models = new ArrayList<>();

    public ModelCatalog() {
        add(new BaseModel("gpt-4.1", "gpt-4.1-2025-04-14", 1744316542L, 1_047_576, 32_768, 65_536, true, 4));
        add(new BaseModel("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14", 1744318173L, 1_047_576, 32_768, 65_536, true, 3));
        add(new BaseModel("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", 1744321707L, 1_047_576, 32_768, 65_536, true, 2));
        add(new BaseModel("gpt-4o", "gpt-4o-2024-08-06", 1722814719L, 128_000, 16_384, 65_536, true, 4));
        add(new BaseModel("gpt-4o-mini", "gpt-4o-mini-2024-07-18", 1721172741L, 128_000, 16_384, 65_536, true, 3));
    }

    private void add(BaseModel model) {
        models.add(model);
        byName.put(model.id(), model);
        byName.put(model.snapshot(), model);
    }

    public Optional<BaseModel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<BaseModel> all() {
        return List.copyOf(models);
    }
}
