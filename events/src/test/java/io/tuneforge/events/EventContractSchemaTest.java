package io.tuneforge.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.FindingCount;
import io.tuneforge.events.dataset.SplitSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas are what non-Java teams build on, so the records must serialize to documents the
 * schemas accept, and a document that breaks the contract must be refused.
 */
class EventContractSchemaTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static final Map<Class<?>, EventPayload> SAMPLES = Map.of(
            DatasetValidated.class, new DatasetValidated("ds_1", "dsv_1", 1, "support-tone", "supervised", 120,
                    "o200k_base", 45_000,
                    List.of(new SplitSummary("train", 97, 36_000, "/api/v1/datasets/ds_1/versions/1/splits/train")),
                    List.of(new FindingCount("few_examples", 1))),
            DatasetRejected.class, new DatasetRejected("ds_2", "dsv_2", 3, "broken", 2,
                    List.of(new DatasetRejected.LineError("invalid_json", 4, "line 4: not JSON"))));

    @Test
    void everyContractHasASchemaThatAcceptsItsPayload() throws IOException {
        for (EventContract<?> contract : EventContracts.all()) {
            Schema schema = schemaOf(contract);
            EventPayload sample = SAMPLES.get(contract.payloadType());
            assertThat(sample).as("a sample payload for %s", contract.topic()).isNotNull();
            assertThat(schema.validate(EventCodec.write(sample), InputFormat.JSON))
                    .as("%s sample against its schema", contract.topic())
                    .isEmpty();
        }
    }

    @Test
    void schemaRefusesAPayloadMissingARequiredField() throws IOException {
        Schema schema = schemaOf(EventContracts.DATASET_VALIDATED);
        String withoutSplits = EventCodec.write(SAMPLES.get(DatasetValidated.class)).replace("\"splits\":", "\"splitz\":");
        assertThat(schema.validate(withoutSplits, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void payloadRoundTripsAndIgnoresUnknownFields() {
        DatasetValidated original = (DatasetValidated) SAMPLES.get(DatasetValidated.class);
        String json = EventCodec.write(original);
        assertThat(json).contains("\"dataset_id\":\"ds_1\"").contains("\"billable_tokens\":45000");
        String withNewField = json.replaceFirst("\\{", "{\"added_in_a_later_minor\":true,");
        assertThat(EventCodec.read(withNewField, DatasetValidated.class)).isEqualTo(original);
    }

    @Test
    void contractTypesAreVersionedAndTopicsFollowTheNamingRule() {
        for (EventContract<?> contract : EventContracts.all()) {
            assertThat(contract.type()).matches("io\\.tuneforge\\.[a-z_]+\\.[a-z_]+\\.v[0-9]+");
            assertThat(contract.topic()).matches("[a-z_]+\\.[a-z_]+");
            assertThat(EventContracts.byType(contract.type())).contains(contract);
        }
    }

    private static Schema schemaOf(EventContract<?> contract) throws IOException {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(contract.schemaResource())) {
            assertThat(in).as("schema %s on the classpath", contract.schemaResource()).isNotNull();
            return SCHEMAS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
