package io.tuneforge.cli.demo;

import java.util.List;
import java.util.Map;

/** One upload of the demo: its JSONL lines, how many examples per category, and what was broken on purpose. */
public record SampleUpload(List<String> lines, Map<String, Integer> countsByCategory, List<PlantedDefect> defects) {

    public String jsonl() {
        return String.join("\n", lines) + "\n";
    }
}
