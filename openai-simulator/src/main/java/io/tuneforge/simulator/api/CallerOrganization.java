package io.tuneforge.simulator.api;

import io.tuneforge.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/** The organization a call acts for: the OpenAI-Organization header, else the configured one. */
@ApplicationScoped
public class CallerOrganization {

    private final SimulatorConfig config;

    public CallerOrganization(SimulatorConfig config) {
        this.config = config;
    }

    public String of(HttpHeaders headers) {
        return ofHeader(headers.getHeaderString("OpenAI-Organization"));
    }

    public String ofHeader(String header) {
        return header == null || header.isBlank() ? config.organization() : header.trim();
    }
}
