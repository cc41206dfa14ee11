using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>The gateway with <c>Amas:Security:Store=postgres</c>: keys and audit entries are rows in PostgreSQL.</summary>
[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresStoreTests(PostgresGateway gateway)
{
    [Fact]
    public async Task A_created_key_is_a_row_with_its_hash_and_never_the_key_and_revoking_it_works_at_once()
    {
        var key = await gateway.CreateKeyAsync("ivan", "operator");

        var rows = await Sql.ColumnAsync<string>(gateway.ConnectionString, "SELECT row_to_json(k)::text FROM api_keys k WHERE owner = 'ivan'");
        var row = Assert.Single(rows);
        Assert.DoesNotContain(key, row, StringComparison.Ordinal);
        Assert.Equal(ApiKeySecrets.Hash(key), JsonDocument.Parse(row).RootElement.GetProperty("key_hash").GetString());

        using var ivan = gateway.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await ivan.GetAsync("/api/v1/tasks")).StatusCode);
        var id = JsonDocument.Parse(row).RootElement.GetProperty("id").GetString();
        using var admin = gateway.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ivan.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(["bootstrap"], await Sql.ColumnAsync<string>(gateway.ConnectionString, "SELECT revoked_by FROM api_keys WHERE id = @id", ("id", id!)));
    }

    [Fact]
    public async Task Submissions_cancellations_and_refusals_are_rows_of_audit_logs_which_admins_read_over_http()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        var task = await alice.SubmitAsync(gateway.Root);
        await alice.PostAsync($"/api/v1/tasks/{task}/cancel", null);
        using var nobody = gateway.WithKey(null);
        using var refused = await nobody.GetAsync($"/api/v1/tasks/{task}");
        var traceId = (await refused.ReadJsonAsync()).GetProperty("trace_id").GetString()!;

        var rows = await Sql.ColumnAsync<string>(gateway.ConnectionString,
            "SELECT caller || ' ' || action || ' ' || result || ' ' || host(ip) FROM audit_logs WHERE resource LIKE @task ORDER BY id",
            ("task", $"/api/v1/tasks/{task}%"));
        Assert.Equal(
            ["alice task.submit succeeded 127.0.0.1", "alice task.cancel succeeded 127.0.0.1", "anonymous GET /api/v1/tasks/{id:guid} denied 127.0.0.1"],
            rows);
        var traced = await Sql.ColumnAsync<string>(gateway.ConnectionString, "SELECT trace_id FROM audit_logs WHERE action = 'GET /api/v1/tasks/{id:guid}' AND result = 'denied'");
        Assert.Contains(traced, t => traceId.Contains(t, StringComparison.Ordinal));

        using var admin = gateway.WithKey(gateway.Keys["auditor"]);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?caller=alice&action=task.submit&limit=500");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("resource").GetString() == $"/api/v1/tasks/{task}");
    }

    [Fact]
    public async Task Redaction_happens_before_the_row_is_written_and_hostile_text_is_stored_safely()
    {
        using var mallory = gateway.WithKey(gateway.Keys["mallory"]);
        var kind = $"{SampleRepository.AwsAccessKeyId} jane.doe@example.com \u0000\r\n'); DROP TABLE audit_logs; -- \ud800";

        using var response = await mallory.PostJsonAsync("/api/v1/tasks", JsonSerializer.Serialize(new { kind }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = Assert.Single(await Sql.ColumnAsync<string>(gateway.ConnectionString,
            "SELECT detail::text FROM audit_logs WHERE caller = 'mallory' AND detail::text LIKE '%DROP TABLE%'"));
        Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", detail, StringComparison.Ordinal);
        Assert.Contains("\\\\u0000", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_security_migration_can_be_applied_a_second_time_by_hand_without_error()
    {
        var migration = MigrationCatalog.Embedded.Single(m => m.Name == "api_keys");

        await Sql.ExecuteAsync(gateway.ConnectionString, migration.Sql);

        Assert.Equal([1L], await Sql.ColumnAsync<long>(gateway.ConnectionString, "SELECT count(*) FROM schema_migrations WHERE name = 'api_keys'"));
    }
}
