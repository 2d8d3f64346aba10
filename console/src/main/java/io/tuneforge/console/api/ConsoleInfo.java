package io.tuneforge.console.api;

import io.tuneforge.console.ConsoleConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.TreeMap;

/** Which services this console reaches, so the page shows only the views it can fill. */
@Path("/console/services")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleInfo {

    @Inject
    ConsoleConfig config;

    @GET
    public Map<String, Boolean> services() {
        Map<String, Boolean> connected = new TreeMap<>();
        config.services().forEach((name, url) -> connected.put(name, url.isPresent()));
        return connected;
    }
}
