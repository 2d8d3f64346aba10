package io.tuneforge.training.api;

import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.platform.tenancy.ApiKeyRegistry;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import io.tuneforge.training.accounts.AccountConnections;
import io.tuneforge.training.accounts.ApiKeyVault;
import io.tuneforge.training.accounts.BaseUrlPolicy;
import io.tuneforge.training.provider.ProviderConnection;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ProviderAccount;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Provider accounts of the tenant. The API key goes in, only its fingerprint ever comes out. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "provider accounts")
@SecurityRequirement(name = "apiKey")
public class AccountResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ApiKeyVault vault;

    @Inject
    Clock clock;

    @Inject
    ApiKeyRegistry keys;

    @Inject
    AccountConnections connections;

    @Inject
    BaseUrlPolicy baseUrls;

    /** Create or change an account; on PATCH absent fields keep their value. */
    public record AccountRequest(String name, String kind, String baseUrl, String apiKey, String organization, String project,
                                 String azureApiVersion, Integer maxActiveJobs, Integer requestsPerMinute, String webhookSecret) {
    }

    public record AccountView(String id, String name, String kind, String baseUrl, String apiKeyFingerprint, String organization,
                              String project, String azureApiVersion, int maxActiveJobs, int requestsPerMinute,
                              boolean webhookSecretSet, String webhookPath, Instant createdAt, Instant updatedAt) {
        static AccountView of(ProviderAccount a) {
            return new AccountView(a.id, a.name, a.kind, a.baseUrl, a.keyFingerprint, a.organization, a.project, a.azureApiVersion,
                    a.maxActiveJobs, a.requestsPerMinute, a.webhookSecretSealed != null, "/webhooks/openai/" + a.id,
                    a.createdAt, a.updatedAt);
        }
    }

    @POST
    @Transactional
    @Operation(summary = "Add a provider account (OpenAI, Azure OpenAI or an OpenAI-compatible base URL)")
    public Response create(AccountRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("Missing body", "Send {name, kind, base_url, api_key, ...} as JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        require(request.name(), "name", errors);
        require(request.apiKey(), "api_key", errors);
        require(request.kind(), "kind", errors);
        validate(request, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The account is incomplete or invalid.", errors);
        }
        if (ProviderAccount.count("tenantId = ?1 and name = ?2", tenant.id(), request.name()) > 0) {
            throw ApiProblem.conflict("Account name taken", "An account named '" + request.name() + "' exists; choose another name "
                    + "or PATCH the existing one.");
        }
        ProviderAccount account = new ProviderAccount();
        account.id = EntityIds.next("acct");
        account.tenantId = tenant.id();
        account.createdAt = clock.instant();
        account.maxActiveJobs = 3;
        account.requestsPerMinute = 600;
        account.baseUrl = "https://api.openai.com/v1";
        apply(account, request);
        account.persist();
        return Response.created(URI.create("/api/v1/accounts/" + account.id)).entity(AccountView.of(account)).build();
    }

    @GET
    public List<AccountView> list() {
        return ProviderAccount.allOfTenant(tenant.id()).stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") String id) {
        return AccountView.of(find(id));
    }

    /** What another tuneforge service needs to call the provider with the account: the key in clear. */
    public record ConnectionView(String id, String kind, String baseUrl, String apiKey, String organization, String project,
                                 String azureApiVersion, int requestsPerMinute) {
        @Override
        public String toString() {
            return "ConnectionView[id=" + id + ", kind=" + kind + ", baseUrl=" + baseUrl + "]";
        }
    }

    @GET
    @Path("/{id}/connection")
    @Transactional
    @Operation(summary = "The account's connection with its API key in clear, for tuneforge services only",
            description = "Only for a service key with X-Tuneforge-Tenant (eval-service calls the tenant's models with it); "
                    + "a tenant key gets 403. {id} is the account's id or name.")
    public ConnectionView connection(@PathParam("id") String idOrName, @Context HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = authorization == null || authorization.length() < 7 ? null : authorization.substring(7).trim();
        if (keys.serviceOf(key).isEmpty()) {
            throw new ApiProblem(Problem.of(Response.Status.FORBIDDEN, "forbidden", "Service key required",
                    "An account's API key is only handed to tuneforge services (a service key with "
                            + ServiceCredentials.TENANT_HEADER + "); tenants see its fingerprint in GET /api/v1/accounts/" + idOrName + "."));
        }
        ProviderAccount a = ProviderAccount.ofTenant(tenant.id(), idOrName)
                .or(() -> ProviderAccount.find("tenantId = ?1 and name = ?2", tenant.id(), idOrName).firstResultOptional())
                .orElseThrow(() -> ApiProblem.notFound("Account", idOrName));
        ProviderConnection c = connections.of(a);
        return new ConnectionView(a.id, a.kind, c.baseUrl(), c.apiKey(), a.organization, a.project, a.azureApiVersion,
                a.requestsPerMinute);
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Change an account: rotate its key, its limits, its URL")
    public AccountView update(@PathParam("id") String id, AccountRequest request) {
        ProviderAccount account = find(id);
        if (request == null) {
            return AccountView.of(account);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        validate(request, errors);
        boolean urlChanges = request.baseUrl() != null && !request.baseUrl().replaceAll("/+$", "").equals(account.baseUrl);
        boolean kindChanges = request.kind() != null && !request.kind().equals(account.kind);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The change is invalid.", errors);
        }
        if ((urlChanges || kindChanges) && request.apiKey() == null) {
            // The stored key must never follow the account to an endpoint its owner did not send it to.
            String field = urlChanges ? "base_url" : "kind";
            throw new ApiProblem(ApiProblem.unprocessable("API key required",
                    "Changing " + field + " needs the account's API key again.").problem().withErrors(List.of(new Problem.FieldError("api_key",
                    "is required when " + field + " changes: the key is sent to the new endpoint only if you send it again"))));
        }
        apply(account, request);
        return AccountView.of(account);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        ProviderAccount account = find(id);
        if (FineTuneJob.count("accountId = ?1", account.id) > 0) {
            long open = FineTuneJob.count("accountId = ?1 and state not in ?2", account.id, JobState.TERMINAL);
            throw ApiProblem.conflict("Account in use", "Account " + id + " has jobs (" + open + " unfinished); their history "
                    + "refers to it. Rotate its key with PATCH instead, or cancel its jobs and keep it.");
        }
        account.delete();
        return Response.noContent().build();
    }

    private ProviderAccount find(String id) {
        return ProviderAccount.ofTenant(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Account", id));
    }

    private void apply(ProviderAccount account, AccountRequest r) {
        if (r.name() != null) {
            account.name = r.name();
        }
        if (r.kind() != null) {
            account.kind = r.kind();
        }
        if (r.baseUrl() != null) {
            account.baseUrl = r.baseUrl().replaceAll("/+$", "");
        }
        if (r.apiKey() != null) {
            account.apiKeySealed = vault.seal(account.id, r.apiKey());
            account.keyFingerprint = ApiKeyVault.fingerprint(r.apiKey());
        }
        if (r.webhookSecret() != null) {
            account.webhookSecretSealed = r.webhookSecret().isBlank() ? null : vault.seal(account.id + "#webhook", r.webhookSecret());
        }
        if (r.organization() != null) {
            account.organization = r.organization().isBlank() ? null : r.organization();
        }
        if (r.project() != null) {
            account.project = r.project().isBlank() ? null : r.project();
        }
        if (r.azureApiVersion() != null) {
            account.azureApiVersion = r.azureApiVersion().isBlank() ? null : r.azureApiVersion();
        }
        if (r.maxActiveJobs() != null) {
            account.maxActiveJobs = r.maxActiveJobs();
        }
        if (r.requestsPerMinute() != null) {
            account.requestsPerMinute = r.requestsPerMinute();
        }
        account.updatedAt = clock.instant();
        if ("azure".equals(account.kind) && r.baseUrl() == null && account.baseUrl.contains("api.openai.com")) {
            throw ApiProblem.invalid("An Azure account needs its endpoint.", List.of(new Problem.FieldError("base_url",
                    "set it to your resource endpoint, e.g. https://<resource>.openai.azure.com")));
        }
    }

    private void validate(AccountRequest r, List<Problem.FieldError> errors) {
        if (r.kind() != null && !ProviderAccount.KINDS.contains(r.kind())) {
            errors.add(new Problem.FieldError("kind", "must be one of " + ProviderAccount.KINDS + ", got '" + r.kind() + "'"));
        }
        if (r.baseUrl() != null) {
            baseUrls.refusal(r.baseUrl()).ifPresent(why -> errors.add(new Problem.FieldError("base_url", why)));
        }
        if (r.apiKey() != null && r.apiKey().isBlank()) {
            errors.add(new Problem.FieldError("api_key", "must not be blank"));
        }
        if (r.maxActiveJobs() != null && (r.maxActiveJobs() < 1 || r.maxActiveJobs() > 1000)) {
            errors.add(new Problem.FieldError("max_active_jobs", "must be from 1 to 1000 (OpenAI allows 6 active jobs per organization by default)"));
        }
        if (r.requestsPerMinute() != null && (r.requestsPerMinute() < 1 || r.requestsPerMinute() > 100000)) {
            errors.add(new Problem.FieldError("requests_per_minute", "must be from 1 to 100000"));
        }
        if (r.name() != null && (r.name().isBlank() || r.name().length() > 100)) {
            errors.add(new Problem.FieldError("name", "must be 1 to 100 characters"));
        }
    }

    private static void require(String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required"));
        }
    }
}
