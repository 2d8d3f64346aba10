package io.tuneforge.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;

/**
 * What the load, restart and replica tests judge by: the simulator's own counts per organization
 * (GET /admin/stats), every job of an account as training-service lists it, and the job.succeeded
 * events on the broker.
 */
final class LoadFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadFixtures() {
    }

    /** The simulator's figures for one organization since it started (zeros when it never created a job there). */
    record ProviderUsage(long jobsCreated, long peakActiveJobs, long creationReplays) {
    }

    static ProviderUsage providerUsage(String organization) {
        JsonNode org = given().baseUri(TrainingFixtures.simulator()).when().get("/admin/stats").then().statusCode(200)
                .extract().as(JsonNode.class).path("organizations").path(organization);
        return new ProviderUsage(org.path("jobs_created").asLong(), org.path("peak_active_jobs").asLong(),
                org.path("creation_replays").asLong());
    }

    /** Every job of {@code accountId}, as {@code trainingUrl} (null: the service under test) lists them. */
    static List<Map<String, Object>> jobsOfAccount(String trainingUrl, String apiKey, String accountId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        while (true) {
            RequestSpecification request = given().header("Authorization", bearer(apiKey)).queryParam("account_id", accountId)
                    .queryParam("limit", 100);
            if (trainingUrl != null) {
                request.baseUri(trainingUrl);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            Map<String, Object> page = request.when().get("/api/v1/jobs").then().statusCode(200).extract().as(Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
            all.addAll(data);
            if (!Boolean.TRUE.equals(page.get("has_more"))) {
                return all;
            }
            after = (String) page.get("next_after");
        }
    }

    /**
     * Per job id, the distinct event ids of its job.succeeded records and how many records there were. A
     * relay that dies between the broker's ack and marking the row sends the same event (same id) again,
     * which consumers drop; a second event id would be a second success.
     */
    static Map<String, Set<String>> succeededEventIds(Set<String> jobIds, Duration read) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(Topics.JOB_SUCCEEDED, read)) {
            String jobId;
            try {
                jobId = JSON.readTree(record.value()).path("job_id").asText();
            } catch (Exception e) {
                throw new IllegalStateException("unreadable job.succeeded: " + record.value(), e);
            }
            if (jobIds.contains(jobId)) {
                ids.computeIfAbsent(jobId, k -> new HashSet<>()).add(TopicProbe.header(record, "ce_id"));
            }
        }
        return ids;
    }

    /** How many job.succeeded records the broker holds for each of {@code jobIds}. */
    static Map<String, Long> succeededRecords(Set<String> jobIds, Duration read) {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readAll(Topics.JOB_SUCCEEDED, read)) {
            if (jobIds.contains(record.key())) {
                counts.merge(record.key(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
