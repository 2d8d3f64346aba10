package io.tuneforge.platform.probe;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TcpProxy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** PlatformTestResource's broker and database, with the database reached through a {@link TcpProxy} named {@value #NAME}. */
public class CuttableDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "platform-runtime-db";

    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new PlatformTestResource().start());
        String jdbc = config.get("quarkus.datasource.jdbc.url");
        URI db = URI.create(jdbc.substring("jdbc:".length()));
        proxy = TcpProxy.start(db.getHost(), db.getPort()).register(NAME);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath());
        return config;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
