using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Benchmarks.Profiling;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>Gateway submission and status read against a bare Kestrel endpoint doing the same durable work, one store.</summary>
/// <param name="Queued">Submissions while the only admission slot is held: the submission path without running tasks beside it.</param>
public sealed record GatewayFigures(string Store, LoadFigures Submit, LoadFigures SubmitAnchor, LoadFigures? Status, LoadFigures? StatusAnchor,
    LoadFigures? Queued = null)
{
    public double? QueuedRatio => Queued is null ? null : Queued.PerSecond / SubmitAnchor.PerSecond;

    public const double Target = 0.5;

    public double SubmitRatio => Submit.PerSecond / SubmitAnchor.PerSecond;

    public double? StatusRatio => Status is null || StatusAnchor is null ? null : Status.PerSecond / StatusAnchor.PerSecond;
}

/// <summary>A gateway to load: where it listens, the key it wants (if any), a repository its silos may analyse.</summary>
/// <param name="Processes">What to profile when a row misses its target: the processes that serve the requests.</param>
public sealed record GatewayUnderTest(Uri Address, string? ApiKey, string Repository, string Store, IReadOnlyList<ProfiledProcess> Processes)
{
    public HttpClient NewClient()
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (ApiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        }

        return http;
    }
}

public static class GatewayBenchmark
{
    public const int Concurrency = 16;

    /// <summary>
    /// Status reads first (on tasks that have ended, so nothing runs beside them), then submissions. Each pair is
    /// measured anchor, gateway, anchor, gateway, so that the load of the machine falls on both alike.
    /// </summary>
    /// <param name="postgres">The database the gateway's silo persists to (schema applied), or null for in-memory.</param>
    public static Task<GatewayFigures> RunAsync(bool smoke, BenchHost host, string? postgres, bool statusReads, PhaseProfiler? profiler) =>
        RunAsync(smoke, new GatewayUnderTest(host.Address, host.ApiKey, host.Repository, postgres is null ? "in-memory" : "PostgreSQL",
            [ProfiledProcess.Self("benchmark process (gateway, embedded silo, load driver)")]), postgres, statusReads, profiler);

    /// <param name="postgres">The database the gateway's silos persist to (the anchor INSERTs there), or null for in-memory.</param>
    /// <param name="profileAlways">Profile the submissions even when they meet the target (the submit command).</param>
    public static async Task<GatewayFigures> RunAsync(bool smoke, GatewayUnderTest gateway, string? postgres, bool statusReads, PhaseProfiler? profiler,
        bool profileAlways = false)
    {
        var (rounds, duration) = smoke ? (1, TimeSpan.FromSeconds(1)) : (2, TimeSpan.FromSeconds(8));
        var store = gateway.Store;
        var body = GatewayRequests.Orchestrate(gateway.Repository);
        var host = gateway;

        var ids = new List<Guid>();
        var statuses = new Dictionary<Guid, JsonElement>();
        using (var http = gateway.NewClient())
        {
            for (var i = 0; i < (smoke ? 4 : statusReads ? 50 : 2); i++)
            {
                using var response = await http.PostAsync("/api/v1/tasks", new StringContent(body, Encoding.UTF8, "application/json"));
                var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
                ids.Add(accepted.GetProperty("task_id").GetGuid());
            }

            foreach (var id in ids)
            {
                statuses[id] = await GatewayRequests.WaitUntilEndedAsync(http, id, OverheadBenchmark.TaskLimit);
            }
        }

        await using var anchor = await BareKestrel.StartAsync(statuses, postgres);
        Console.WriteLine($"Gateway ({store}): {rounds} × {duration.TotalSeconds:0} s per target, {Concurrency} concurrent requests ...");

        LoadFigures? status = null, statusAnchor = null;
        if (statusReads)
        {
            HttpRequestMessage Read(int i) => new(HttpMethod.Get, $"/api/v1/tasks/{ids[i % ids.Count]}");
            var anchorRuns = new List<LoadFigures>();
            var gatewayRuns = new List<LoadFigures>();
            for (var round = 0; round < rounds; round++)
            {
                anchorRuns.Add(await LoadDriver.RunAsync("bare Kestrel status", anchor.Address, Concurrency, duration, Read, HttpStatusCode.OK));
                var profile = RuntimeProfile.Start();
                gatewayRuns.Add(await LoadDriver.RunAsync("gateway status", host.Address, Concurrency, duration, Read, HttpStatusCode.OK, host.ApiKey) with { Profile = profile() });
            }

            statusAnchor = Merge(anchorRuns);
            status = Merge(gatewayRuns) with { Profile = gatewayRuns[^1].Profile };
            if (profiler is not null && status.PerSecond / statusAnchor.PerSecond < GatewayFigures.Target)
            {
                status = status with { Trace = await ProfileAsync(profiler, $"`gateway status` ({store})", gateway, Read, HttpStatusCode.OK) };
            }
        }

        // The anchor's rounds first: every task the gateway accepts then runs (no-op agents) beside the later
        // requests, which is part of what a submission costs, and must not fall on the anchor.
        HttpRequestMessage Submit(int i) => new(HttpMethod.Post, "/api/v1/tasks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var submitAnchor = Merge(await RoundsAsync("bare Kestrel submit", anchor.Address, Submit, HttpStatusCode.Accepted, rounds, duration));
        var submitProfile = RuntimeProfile.Start();
        var submit = Merge(await RoundsAsync("gateway submit", host.Address, Submit, HttpStatusCode.Accepted, rounds, duration, host.ApiKey)) with { Profile = submitProfile() };
        if (profiler is not null && (profileAlways || submit.PerSecond / submitAnchor.PerSecond < GatewayFigures.Target))
        {
            submit = submit with { Trace = await ProfileAsync(profiler, $"`gateway submit` ({store})", gateway, Submit, HttpStatusCode.Accepted) };
        }

        return new GatewayFigures(store, submit, submitAnchor, status, statusAnchor);
    }

    /// <summary>One more round of the same requests, as long as the profiler records, on the gateway's processes.</summary>
    private static Task<PhaseProfile> ProfileAsync(PhaseProfiler profiler, string phase, GatewayUnderTest gateway, Func<int, HttpRequestMessage> request,
        HttpStatusCode expected) =>
        profiler.ProfileAsync(phase, "request", gateway.Processes, async stop =>
            (await LoadDriver.RunAsync(phase, gateway.Address, Concurrency, TimeSpan.FromMinutes(10), request, expected, gateway.ApiKey, stop)).Latencies.Count);

    /// <summary>In-memory submissions that all wait in the admission queue behind one held task (see <see cref="BenchHost.StartAsync"/>).</summary>
    public static async Task<LoadFigures> QueuedSubmissionsAsync(bool smoke, LoadFigures anchor, PhaseProfiler? profiler, bool profileAlways = false)
    {
        var (rounds, duration) = smoke ? (1, TimeSpan.FromSeconds(1)) : (2, TimeSpan.FromSeconds(8));
        await using var host = await BenchHost.StartAsync(holdAdmission: true);
        using var http = host.NewClient();
        var holder = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "orchestrate",
            ["target"] = new Dictionary<string, string> { ["path"] = host.Repository },
            ["options"] = new Dictionary<string, object> { ["components"] = StallingAgent.Capability },
        });
        using var response = await http.PostAsync("/api/v1/tasks", new StringContent(holder, Encoding.UTF8, "application/json"));
        var held = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task_id").GetGuid();
        await StallingAgent.WhenStartedAsync(held).WaitAsync(OverheadBenchmark.TaskLimit);
        try
        {
            var body = GatewayRequests.Orchestrate(host.Repository);
            HttpRequestMessage Submit(int i) => new(HttpMethod.Post, "/api/v1/tasks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            Console.WriteLine($"Gateway (in-memory, admission held): {rounds} × {duration.TotalSeconds:0} s ...");
            var profile = RuntimeProfile.Start();
            var queued = Merge(await RoundsAsync("gateway submit, queued", host.Address, Submit, HttpStatusCode.Accepted, rounds, duration)) with { Profile = profile() };
            if (profiler is not null && (profileAlways || queued.PerSecond / anchor.PerSecond < GatewayFigures.Target))
            {
                var gateway = new GatewayUnderTest(host.Address, host.ApiKey, host.Repository, "in-memory",
                    [ProfiledProcess.Self("benchmark process (gateway, embedded silo, load driver)")]);
                queued = queued with { Trace = await ProfileAsync(profiler, "`gateway submit, queued` (in-memory)", gateway, Submit, HttpStatusCode.Accepted) };
            }

            return queued;
        }
        finally
        {
            StallingAgent.Release(held);
        }
    }

    private static async Task<List<LoadFigures>> RoundsAsync(string target, Uri address, Func<int, HttpRequestMessage> request,
        HttpStatusCode expected, int rounds, TimeSpan duration, string? apiKey = null)
    {
        var runs = new List<LoadFigures>();
        for (var round = 0; round < rounds; round++)
        {
            runs.Add(await LoadDriver.RunAsync(target, address, Concurrency, duration, request, expected, apiKey));
        }

        return runs;
    }

    private static LoadFigures Merge(List<LoadFigures> runs) => new(runs[0].Target, runs.Average(r => r.PerSecond),
        new Router.Latencies(runs[0].Target, runs.SelectMany(r => r.Latencies.Milliseconds).ToList()), runs.Sum(r => r.Unexpected));
}
