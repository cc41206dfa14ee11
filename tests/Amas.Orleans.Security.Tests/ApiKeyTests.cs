using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Gateway.Security.Tests;

[Collection(SecuredGatewayCollection.Name)]
public sealed class ApiKeyTests(SecuredGateway gateway)
{
    [Fact]
    public async Task A_created_key_is_shown_once_stored_only_as_its_hash_and_acts_as_its_owner_with_its_role()
    {
        using var admin = gateway.Admin();

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { owner = "dave", role = "viewer" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var body = await created.ReadJsonAsync();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("amas_", key, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/admin/api-keys/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("dave", body.GetProperty("owner").GetString());
        Assert.Equal("bootstrap", body.GetProperty("created_by").GetString());

        // Listed without the key or its hash; stored with the hash only.
        var listed = await admin.GetStringAsync("/api/v1/admin/api-keys");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeySecrets.Hash(key), listed, StringComparison.Ordinal);
        var stored = (await gateway.App.Services.GetRequiredService<IApiKeyStore>().ListAsync(CancellationToken.None)).Single(k => k.Id == id);
        Assert.Equal(ApiKeySecrets.Hash(key), stored.KeyHash);
        Assert.DoesNotContain(key, JsonSerializer.Serialize(stored), StringComparison.Ordinal);

        using var dave = gateway.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await dave.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dave.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(gateway.Root))).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_revoking_is_idempotent()
    {
        using var admin = gateway.Admin();
        var key = await gateway.CreateKeyAsync("erin", "operator");
        using var erin = gateway.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await erin.GetAsync("/api/v1/tasks")).StatusCode);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/api-keys")).EnumerateArray()
            .Single(k => k.GetProperty("owner").GetString() == "erin").GetProperty("id").GetString();

        using var first = await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}");
        using var second = await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var revokedAt = (await first.ReadJsonAsync()).GetProperty("revoked_at").GetString();
        Assert.NotNull(revokedAt);
        Assert.Equal(revokedAt, (await second.ReadJsonAsync()).GetProperty("revoked_at").GetString());

        using var refused = await erin.GetAsync("/api/v1/tasks");
        HttpJson.AssertProblem(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", (await refused.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("bootstrap", listed.GetProperty("revoked_by").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("not-a-key-id")]
    public async Task Revoking_a_key_that_does_not_exist_is_a_404(string id)
    {
        using var admin = gateway.Admin();

        HttpJson.AssertProblem(await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"owner":"frank","role":"root"}""", "role")]
    [InlineData("""{"owner":"frank"}""", "role")]
    [InlineData("""{"role":"viewer"}""", "owner")]
    [InlineData("""{"owner":"fr ank","role":"viewer"}""", "owner")]
    [InlineData("""{"owner":"anonymous","role":"viewer"}""", "owner")]
    [InlineData("""{"owner":"Bootstrap","role":"admin"}""", "owner")]
    [InlineData("""{"owner":"frank","role":"viewer","expires":"never"}""", "expires")]
    [InlineData("""["frank","viewer"]""", "")]
    public async Task A_bad_key_request_is_a_400_naming_the_field(string body, string field)
    {
        using var admin = gateway.Admin();

        using var response = await admin.PostJsonAsync("/api/v1/admin/api-keys", body);

        HttpJson.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_bootstrap_key_is_the_admin_bootstrap_and_a_near_miss_is_refused()
    {
        using var bootstrap = gateway.Admin();
        using var nearMiss = gateway.WithKey(gateway.BootstrapKey[..^1] + (gateway.BootstrapKey[^1] == 'A' ? 'B' : 'A'));
        using var oversized = gateway.WithKey("amas_" + new string('x', 300));

        Assert.Equal(HttpStatusCode.OK, (await bootstrap.GetAsync("/api/v1/admin/api-keys")).StatusCode);
        HttpJson.AssertProblem(await nearMiss.GetAsync("/api/v1/tasks"), HttpStatusCode.Unauthorized);
        HttpJson.AssertProblem(await oversized.GetAsync("/api/v1/tasks"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_wins_over_a_bearer_token_in_the_same_request()
    {
        using var http = gateway.WithKey(gateway.Keys["alice-viewer"]);
        http.DefaultRequestHeaders.Authorization = new("Bearer", gateway.Tokens.Issue("carol", Roles.Admin));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/admin/audit")).StatusCode);
    }

    [Fact]
    public void The_new_api_key_command_prints_a_key_and_the_hash_to_configure()
    {
        var output = new StringWriter();

        Assert.Equal(0, NewApiKeyCommand.Run(output));

        var lines = output.ToString().Split('\n');
        var key = lines.Single(l => l.StartsWith("key:", StringComparison.Ordinal))[4..].Trim();
        var hash = lines.Single(l => l.StartsWith("hash:", StringComparison.Ordinal))[5..].Trim();
        Assert.StartsWith("amas_", key, StringComparison.Ordinal);
        Assert.Equal(48, key.Length);
        Assert.Equal(ApiKeySecrets.Hash(key), hash);
        Assert.True(SecurityOptionsValidator.IsSha256Hex(hash));
    }
}
