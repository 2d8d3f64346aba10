package io.tuneforge.training.upload;

import io.tuneforge.platform.tenancy.ServiceCredentials;
import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Fetches a split from dataset-service, streamed to a local spool file (never held whole in memory):
 * the provider needs the byte size up front to choose between /v1/files and the Uploads API.
 */
@ApplicationScoped
public class DatasetSplits {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    ServiceCredentials credentials;

    @Inject
    TrainingConfig config;

    /** The split at {@code contentPath} (a dataset-service REST path) in a temp file the caller deletes. */
    public Path spool(String tenantId, String contentPath, String filename) {
        URI uri = URI.create(config.datasetServiceUrl().replaceAll("/+$", "") + contentPath);
        HttpRequest request = credentials.authorize(HttpRequest.newBuilder(uri).timeout(config.provider().timeout()).GET(), tenantId)
                .header("Accept", "application/jsonl, application/x-ndjson, */*").build();
        Path file = null;
        try {
            file = Files.createTempFile("tuneforge-split-", "-" + filename);
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SplitUnavailableException("dataset-service answered " + response.statusCode() + " for " + uri
                            + ": " + new String(body.readNBytes(500)), response.statusCode() >= 500);
                }
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new SplitUnavailableException("cannot fetch " + uri + " from dataset-service (tuneforge.training.dataset-service-url): "
                    + e.getMessage(), true);
        } catch (InterruptedException e) {
            delete(file);
            Thread.currentThread().interrupt();
            throw new SplitUnavailableException("interrupted while fetching " + uri, true);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
