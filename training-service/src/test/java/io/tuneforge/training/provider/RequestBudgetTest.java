package io.tuneforge.training.provider;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.training.SiblingsTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * requests_per_minute holds over all replicas: two budgets with nothing in common but the database (as two
 * replicas have) hand out at most the limit per minute between them, from many threads at once.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class RequestBudgetTest {

    private static final int LIMIT = 40;

    @Inject
    EntityManager em;

    @Test
    void twoReplicasTogetherNeverExceedTheAccountsRequestsPerMinute() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T10:15:05Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RequestBudget replicaA = new RequestBudget(em, clock);
        RequestBudget replicaB = new RequestBudget(em, clock);
        ProviderConnection account = connection(account(LIMIT), LIMIT);
        ProviderConnection unrelated = connection(account(LIMIT), LIMIT);

        assertThat(grantedOutOf(4 * LIMIT, account, replicaA, replicaB)).as("granted in the first minute").isEqualTo(LIMIT);
        assertThatThrownBy(() -> replicaB.acquire(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(55));
        });
        replicaA.acquire(unrelated);

        now.set(Instant.parse("2026-03-02T10:16:00Z"));
        assertThat(grantedOutOf(4 * LIMIT, account, replicaA, replicaB)).as("granted in the next minute").isEqualTo(LIMIT);

        // A replica whose clock lags a minute behind counts against the newer window, never reopens the old one.
        RequestBudget lagging = new RequestBudget(em, Clock.offset(clock, Duration.ofMinutes(-1)));
        assertThatThrownBy(() -> lagging.acquire(account)).isInstanceOf(ProviderException.class);
    }

    @Test
    void connectionNeverPrintsItsKey() {
        assertThat(new ProviderConnection("a", "openai", "https://api.openai.com/v1", "sk-secret-123", null, null, null, 60, Instant.EPOCH))
                .asString().doesNotContain("sk-secret-123");
    }

    /** Calls from 8 threads, half through each budget; returns how many were let through. */
    private static int grantedOutOf(int calls, ProviderConnection account, RequestBudget a, RequestBudget b) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                RequestBudget budget = i % 2 == 0 ? a : b;
                tasks.add(() -> {
                    try {
                        budget.acquire(account);
                        return true;
                    } catch (ProviderException e) {
                        return false;
                    }
                });
            }
            int granted = 0;
            for (Future<Boolean> f : threads.invokeAll(tasks)) {
                granted += f.get() ? 1 : 0;
            }
            return granted;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String account(int requestsPerMinute) {
        return given().header("Authorization", bearer(TestTenants.INITECH_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "rpm-" + UUID.randomUUID(), "kind", "compatible", "base_url", "https://api.openai.com/v1",
                        "api_key", "sk-rpm-0000", "max_active_jobs", 1, "requests_per_minute", requestsPerMinute))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
    }

    private static ProviderConnection connection(String accountId, int requestsPerMinute) {
        return new ProviderConnection(accountId, "compatible", "https://api.openai.com/v1", "sk-rpm-0000", null, null, null,
                requestsPerMinute, Instant.EPOCH);
    }
}
