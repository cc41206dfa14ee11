using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amas.Orleans.Hosting;
using Amas.Orleans.Providers;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Benchmarks.Router;

/// <summary>
/// Router overhead and failover cost (issue 5): one silo in this process with the providers registered as production
/// registers them, every provider on the loopback fake server. Calls are made one at a time from the silo's own
/// grain factory, as an agent makes them; the anchor is the same chat-completions request sent straight to the fake
/// over HTTP. Nothing leaves 127.0.0.1.
/// </summary>
public static class RouterBenchmark
{
    private const string Healthy = "bench-ok";
    private const string Budgeted = "bench-budget";
    private const string Slow = "bench-slow";
    private const string Fallback = "bench-fallback";
    private const string OpenFirst = "bench-open";
    private const string OpenFallback = "bench-open-fallback";

    public static readonly TimeSpan SlowTimeout = TimeSpan.FromMilliseconds(50);

    /// <param name="root">The repository, for the commit the figures belong to.</param>
    public static async Task<RouterFigures> RunAsync(bool smoke, string root)
    {
        var (warmup, calls, failoverCalls) = smoke ? (100, 300, 10) : (1000, 5000, 200);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        await using var server = await FakeProviderServer.StartAsync();
        // The failing providers never answer in time: their HTTP request is cut at their own timeout.
        server.Script(Slow).Always(FakeReply.Answer("too late", TimeSpan.FromSeconds(30)));
        server.Script(OpenFirst).Always(FakeReply.Answer("too late", TimeSpan.FromSeconds(30)));

        using var host = BuildSilo(server);
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var router = grains.GetGrain<IProviderRouterGrain>(0);
            using var http = new HttpClient { BaseAddress = server.Address };

            var provider = grains.GetGrain<IProviderGrain>(Healthy);
            var task = Guid.NewGuid();

            // Three timeouts open the circuit of the first failover pair (FailureThreshold 3); it stays open for the run.
            for (var i = 0; i < 3; i++)
            {
                await router.GenerateAsync(new GenerateRequest { Prompt = $"opening {i}", Providers = [OpenFirst, OpenFallback] });
            }

            Check((await grains.GetGrain<IProviderGrain>(OpenFirst).GetHealthAsync()).Circuit == CircuitState.Open);

            Console.WriteLine($"Router benchmark: {warmup} warm-up and {calls} measured calls per scenario, interleaved ...");
            var measured = await MeasureInterleavedAsync(warmup, calls,
            [
                ("direct HTTP", i => DirectAsync(http, i)),
                ("provider grain", async i =>
                    Check((await provider.CompleteAsync(new ProviderRequest { Messages = [ProviderMessage.User($"call {i}")] })).IsSuccess)),
                ("router", async i =>
                    Check((await router.GenerateAsync(new GenerateRequest { Prompt = $"call {i}", Providers = [Healthy] })).Success)),
                ("router + task budget", async i =>
                    Check((await router.GenerateAsync(new GenerateRequest { Prompt = $"call {i}", Providers = [Budgeted], TaskId = task })).Success)),
                ("failover, circuit open", async i =>
                {
                    var response = await router.GenerateAsync(new GenerateRequest { Prompt = $"open {i}", Providers = [OpenFirst, OpenFallback] });
                    Check(response.Success && response.Attempts.Count == 1 && response.Provider == OpenFallback);
                }),
            ]);

            // Each call waits out the first provider's timeout; its circuit is reset (outside the measured time) so it stays closed.
            var slow = grains.GetGrain<IProviderGrain>(Slow);
            var closed = (await MeasureSelfTimedAsync(2, failoverCalls,
            [
                ("failover, circuit closed", async i =>
                {
                    await slow.ResetAsync();
                    var started = Stopwatch.GetTimestamp();
                    var response = await router.GenerateAsync(new GenerateRequest { Prompt = $"failover {i}", Providers = [Slow, Fallback] });
                    Check(response.Success && response.Attempts.Count == 2 && response.Attempts[0].Outcome == ProviderOutcome.Timeout);
                    return Stopwatch.GetElapsedTime(started);
                }),
            ]))[0];

            return new RouterFigures(smoke, calls, failoverCalls, SlowTimeout,
                measured[0], measured[1], measured[2], measured[3], closed, measured[4], load, Commit(root), DateTimeOffset.UtcNow);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildSilo(FakeProviderServer server)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Amas:Providers:CircuitBreaker:FailureThreshold"] = "3",
            ["Amas:Providers:CircuitBreaker:CoolDown"] = "01:00:00",
            ["Amas:Providers:Budgets:TokensPerTask"] = "1000000000",
        };
        foreach (var (id, priority) in new[] { (Healthy, 1), (Budgeted, 1), (Slow, 1), (Fallback, 2), (OpenFirst, 1), (OpenFallback, 2) })
        {
            settings[$"Amas:Providers:Custom:{id}:BaseUrl"] = server.BaseUrlFor(id);
            settings[$"Amas:Providers:Custom:{id}:Model"] = $"{id}-model";
            settings[$"Amas:Providers:Custom:{id}:Priority"] = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Amas:Providers:Custom:{id}:ApiKey"] = "bench-key-not-a-secret";
            settings[$"Amas:Providers:Custom:{id}:Timeout"] = id is Slow or OpenFirst ? SlowTimeout.ToString() : "00:00:30";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: "amas-bench", clusterId: "amas-bench");
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.Services.AddAmasProviders(configuration);
        });
        return builder.Build();
    }

    /// <summary>The request the provider client sends, straight to the fake: the anchor every router figure is compared with.</summary>
    private static async Task DirectAsync(HttpClient http, int i)
    {
        using var response = await http.PostAsJsonAsync($"/{Healthy}/v1/chat/completions", new JsonObject
        {
            ["model"] = $"{Healthy}-model",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"call {i}" }),
            ["stream"] = false,
        });
        response.EnsureSuccessStatusCode();
        using var answer = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Check(answer.RootElement.GetProperty("choices").GetArrayLength() == 1);
    }

    /// <summary>
    /// Times every scenario's calls in turn — call i of each scenario, then call i+1 of each — so that the load of a
    /// shared machine falls on all of them alike and their differences mean something.
    /// </summary>
    private static Task<IReadOnlyList<Latencies>> MeasureInterleavedAsync(int warmup, int calls, IReadOnlyList<(string Name, Func<int, Task> Call)> scenarios)
        => MeasureSelfTimedAsync(warmup, calls, [.. scenarios.Select(s => (s.Name, Timed(s.Call)))]);

    /// <summary>As <see cref="MeasureInterleavedAsync"/>, for calls that time themselves (to leave their preparation out).</summary>
    private static async Task<IReadOnlyList<Latencies>> MeasureSelfTimedAsync(int warmup, int calls, IReadOnlyList<(string Name, Func<int, Task<TimeSpan>> Call)> scenarios)
    {
        for (var i = 0; i < warmup; i++)
        {
            foreach (var (_, call) in scenarios)
            {
                await call(-1 - i);
            }
        }

        var milliseconds = scenarios.Select(_ => new double[calls]).ToArray();
        for (var i = 0; i < calls; i++)
        {
            for (var s = 0; s < scenarios.Count; s++)
            {
                milliseconds[s][i] = (await scenarios[s].Call(i)).TotalMilliseconds;
            }
        }

        var results = scenarios.Select((s, index) => new Latencies(s.Name, milliseconds[index])).ToList();
        foreach (var latencies in results)
        {
            Console.WriteLine($"  {latencies.Scenario}: p50 {latencies.P50:F3} ms, p99 {latencies.P99:F3} ms");
        }

        return results;
    }

    private static Func<int, Task<TimeSpan>> Timed(Func<int, Task> call) => async i =>
    {
        var started = Stopwatch.GetTimestamp();
        await call(i);
        return Stopwatch.GetElapsedTime(started);
    };

    private static string Commit(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])["-C", root, "rev-parse", "--short=12", "HEAD"])
            {
                start.ArgumentList.Add(arg);
            }

            using var git = Process.Start(start)!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A benchmark call did not end as the scenario requires.");
        }
    }
}
