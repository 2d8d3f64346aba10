package io.tuneforge.gateway;

import io.restassured.RestAssured;
import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.rollout;
import static io.tuneforge.gateway.GatewayFixtures.startRollout;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two packaged gateway-service replicas on one database and broker, both serving the alias and both
 * judging rollouts every 100 ms: the rollout passes each step exactly once (one outbox row and one broker
 * record per transition, one alias change), though both replicas held its lease along the way.
 */
class TwoReplicasIT {

    private static Map<String, String> database;

    @Test
    void twoReplicasAdvanceARolloutExactlyOnce() throws Exception {
        database = new PlatformTestResource().start();
        String simulator = SiblingServices.baseUrl("openai-simulator");
        Map<String, String> env = Map.of("TUNEFORGE_GATEWAY_PROVIDER_BASE_URL", simulator + "/v1",
                "TUNEFORGE_GATEWAY_ROLLOUT_CHECK_EVERY", "100ms", "TUNEFORGE_GATEWAY_ROLLOUTS_INITIAL_DELAY", "100ms",
                "TUNEFORGE_GATEWAY_ROLLOUTS_LEASE", "5s", "TUNEFORGE_GATEWAY_FALLBACK_GRANTS_ACME", "*");
        CompletableFuture<QuarkusServiceProcess> startingB = CompletableFuture.supplyAsync(
                () -> SiblingServices.startInstance("gateway-service", "gateway-b", env));
        QuarkusServiceProcess a = SiblingServices.startInstance("gateway-service", "gateway-a", env);
        QuarkusServiceProcess b = startingB.join();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Set<String> leaseOwners = ConcurrentHashMap.newKeySet();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                leaseOwners.addAll(strings("select distinct lease_owner from serving.rollout where lease_owner is not null"));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lease-sampler");
        try {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = a.port();
            String alias = unique("replicated");
            putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
            RestAssured.port = b.port();
            String id = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", "gpt-4.1-mini",
                    "steps", List.of(10, 50, 100), "min_requests", 10, "min_duration_seconds", 1)).statusCode(201).extract().path("id");
            sampler.start();
            try (GatewayFixtures.Traffic traffic = new GatewayFixtures.Traffic(TestTenants.ACME_KEY, alias, 4, a.baseUrl(), b.baseUrl())) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                        .untilAsserted(() -> rollout(TestTenants.ACME_KEY, id).body("state", equalTo("completed")));
                traffic.stop();
                assertThat(traffic.served()).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
                assertThat(traffic.served()).extracting(GatewayFixtures.Served::rollout).contains(id);
            }
            sampling.set(false);
            sampler.join();

            assertThat(count("select count(*) from serving.outbox_event where topic = 'rollout.advanced' and subject = '" + id + "'"))
                    .as("rollout.advanced rows: started, 10->50, 50->100, completed").isEqualTo(4);
            assertThat(count("select count(*) from serving.alias_change where rollout_id = '" + id + "'")).isEqualTo(1);
            assertThat(leaseOwners).as("replicas that held the rollout's lease").hasSize(2);
            List<io.tuneforge.events.rollout.RolloutAdvanced> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> RolloutTest.advanced(id), e -> e.size() >= 4);
            Thread.sleep(1_000);
            events = RolloutTest.advanced(id);
            assertThat(events).extracting(io.tuneforge.events.rollout.RolloutAdvanced::toPercent).containsExactly(10, 50, 100, 100);
        } finally {
            sampling.set(false);
            a.close();
            b.close();
        }
    }

    private static List<String> strings(String sql) {
        return query(sql, rows -> {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    private static long count(String sql) {
        return query(sql, rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, Rows<T> reader) {
        try (Connection c = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
