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

            Console.WriteLine($"Router benchmark: {warmup} warm-up and {calls} measured calls per scenario ...");
            var direct = await MeasureAsync("direct HTTP", warmup, calls, i => DirectAsync(http, i));
            var provider = grains.GetGrain<IProviderGrain>(Healthy);
            var grain = await MeasureAsync("provider grain", warmup, calls, async i =>
                Check((await provider.CompleteAsync(new ProviderRequest { Messages = [ProviderMessage.User($"call {i}")] })).IsSuccess));
            var routed = await MeasureAsync("router", warmup, calls, async i =>
                Check((await router.GenerateAsync(new GenerateRequest { Prompt = $"call {i}", Providers = [Healthy] })).Success));
            var task = Guid.NewGuid();
            var budgeted = await MeasureAsync("router + task budget", warmup, calls, async i =>
                Check((await router.GenerateAsync(new GenerateRequest { Prompt = $"call {i}", Providers = [Budgeted], TaskId = task })).Success));

            var slow = grains.GetGrain<IProviderGrain>(Slow);
            var closed = await MeasureAsync("failover, circuit closed", 2, failoverCalls, async i =>
            {
                var response = await router.GenerateAsync(new GenerateRequest { Prompt = $"failover {i}", Providers = [Slow, Fallback] });
                Check(response.Success && response.Attempts.Count == 2 && response.Attempts[0].Outcome == ProviderOutcome.Timeout);
            }, before: () => slow.ResetAsync());

            // Three timeouts open the circuit (FailureThreshold 3); it stays open for the rest of the run.
            for (var i = 0; i < 3; i++)
            {
                await router.GenerateAsync(new GenerateRequest { Prompt = $"opening {i}", Providers = [OpenFirst, OpenFallback] });
            }

            Check((await grains.GetGrain<IProviderGrain>(OpenFirst).GetHealthAsync()).Circuit == CircuitState.Open);
            var open = await MeasureAsync("failover, circuit open", warmup, calls, async i =>
            {
                var response = await router.GenerateAsync(new GenerateRequest { Prompt = $"open {i}", Providers = [OpenFirst, OpenFallback] });
                Check(response.Success && response.Attempts.Count == 1 && response.Provider == OpenFallback);
            });

            return new RouterFigures(smoke, calls, failoverCalls, SlowTimeout, direct, grain, routed, budgeted, closed, open, load, Commit(root), DateTimeOffset.UtcNow);
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

    private static async Task<Latencies> MeasureAsync(string scenario, int warmup, int calls, Func<int, Task> call, Func<Task>? before = null)
    {
        for (var i = 0; i < warmup; i++)
        {
            if (before is not null)
            {
                await before();
            }

            await call(-1 - i);
        }

        var milliseconds = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var started = Stopwatch.GetTimestamp();
            await call(i);
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var latencies = new Latencies(scenario, milliseconds);
        Console.WriteLine($"  {scenario}: p50 {latencies.P50:F3} ms, p99 {latencies.P99:F3} ms");
        return latencies;
    }

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
