using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// The gateway's anchor: a bare Kestrel endpoint on 127.0.0.1 doing the same durable work by hand. A submission
/// reads the JSON body, makes an id and stores the task (a dictionary write in memory, or one INSERT in PostgreSQL),
/// then answers 202 with the id; a status read answers 200 with the object stored under an id.
/// </summary>
public sealed class BareKestrel : IAsyncDisposable
{
    public const string CreateTable = "CREATE TABLE IF NOT EXISTS bench_tasks (id uuid PRIMARY KEY, spec jsonb NOT NULL, created timestamptz NOT NULL)";

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource? _postgres;

    private BareKestrel(WebApplication app, NpgsqlDataSource? postgres)
    {
        _app = app;
        _postgres = postgres;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public Uri Address { get; }

    /// <summary>Starts the endpoint; <paramref name="statuses"/> are the objects status reads return by id (the gateway's own answers).</summary>
    public static async Task<BareKestrel> StartAsync(IReadOnlyDictionary<Guid, JsonElement> statuses, string? postgres = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var tasks = new ConcurrentDictionary<Guid, JsonElement>();
        var source = postgres is null ? null : NpgsqlDataSource.Create(postgres);
        if (source is not null)
        {
            await using var create = source.CreateCommand(CreateTable);
            await create.ExecuteNonQueryAsync();
        }

        app.MapPost("/api/v1/tasks", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var id = Guid.NewGuid();
            if (source is null)
            {
                tasks[id] = body.RootElement.Clone();
            }
            else
            {
                await using var insert = source.CreateCommand("INSERT INTO bench_tasks (id, spec, created) VALUES ($1, $2::jsonb, now())");
                insert.Parameters.AddWithValue(id);
                insert.Parameters.AddWithValue(body.RootElement.GetRawText());
                await insert.ExecuteNonQueryAsync();
            }

            return Results.Json(new { task_id = id, status = "pending" }, statusCode: StatusCodes.Status202Accepted);
        });
        app.MapGet("/api/v1/tasks/{id:guid}", (Guid id) => statuses.TryGetValue(id, out var status) ? Results.Json(status) : Results.NotFound());
        await app.StartAsync();
        return new BareKestrel(app, source);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
