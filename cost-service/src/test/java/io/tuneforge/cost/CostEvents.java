package io.tuneforge.cost;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.awaitility.Awaitility.await;

/** What several cost tests do the same way: finish a job for a tenant, call as training-service, see an event applied. */
final class CostEvents {

    static final String MINI = "gpt-4.1-mini-2025-04-14";

    private CostEvents() {
    }

    static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Publishes job.succeeded (gpt-4.1-mini, 5.00 USD / 1M trained tokens) and waits until its cost is booked. */
    static void finishJob(String tenant, String tenantKey, String jobId, String pipelineId, long trainedTokens) {
        TopicProbe.publishEvent(new JobSucceeded(jobId, "ftjob-" + jobId, "acct_1", "ds_p", "dsv_p", MINI, "supervised",
                "ft:" + MINI + ":" + tenant + "::" + jobId, trainedTokens, 3, 1, Instant.now(), pipelineId, null),
                "evt-" + UUID.randomUUID(), tenant);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", bearer(tenantKey)).when().get("/api/v1/spend/jobs/" + jobId)
                        .then().statusCode(200));
    }

    /** training-service's credentials: the service key acting for a tenant. */
    static RequestSpecification asService(String tenant) {
        return given().header("Authorization", bearer(TestTenants.SERVICE_KEY))
                .header(ServiceCredentials.TENANT_HEADER, tenant).contentType("application/json");
    }

    /** Whether the consumer has applied the event (its inbox row exists). */
    static boolean applied(EntityManager em, String consumer, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where consumer = :consumer and event_id = :id")
                .setParameter("consumer", consumer).setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }
}
