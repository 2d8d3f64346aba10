package io.tuneforge.platform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.Map;

/** REST endpoints that store what they are given in PostgreSQL, as every service's do. */
@Path("/probe")
public class ProbeResource {

    public record NoteRequest(String title, List<String> tags, Map<String, String> labels, JsonNode extra, Integer count) {
    }

    @Inject
    EntityManager em;

    @POST
    @Path("/notes")
    @Transactional
    public Map<String, Object> create(NoteRequest request) {
        em.createNativeQuery("insert into probe_note (title, tags, extra) values (:title, :tags, cast(:extra as jsonb))")
                .setParameter("title", request.title())
                .setParameter("tags", String.join(",", request.tags() == null ? List.of() : request.tags())
                        + (request.labels() == null ? "" : request.labels().toString()))
                .setParameter("extra", request.extra() == null ? null : request.extra().toString())
                .executeUpdate();
        return Map.of("stored", true);
    }

    @GET
    @Path("/applied/{eventId}")
    @Transactional
    public long applied(@PathParam("eventId") String eventId) {
        return ((Number) em.createNativeQuery("select count(*) from probe_applied where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue();
    }
}
