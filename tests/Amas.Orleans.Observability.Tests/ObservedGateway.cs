using System.Diagnostics;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Gateway;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Amas.Orleans.Testing.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Amas.Orleans.Observability.Tests;

/// <summary>
/// The gateway as users start it (embedded silo, in-memory state) on loopback, with one AI provider configured (a
/// fake OpenAI-compatible server on 127.0.0.1) and an execution-layer agent that asks it, so one task crosses
/// HTTP, the orchestrator, every agent and a provider call. Spans, metrics and log lines land in memory.
/// </summary>
public sealed class ObservedGateway : IAsyncLifetime
{
    public const string Provider = "fake";

    private FakeProviderServer? _provider;

    public WebApplication App { get; private set; } = null!;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-observed-").FullName;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public FakeProviderServer ProviderServer => _provider ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _provider = await FakeProviderServer.StartAsync();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=observability-tests-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={Root}",
            $"--Amas:Repositories:CacheDirectory={Path.Combine(Root, ".checkouts")}",
            $"--Amas:Providers:Custom:{Provider}:BaseUrl={_provider.BaseUrlFor(Provider)}",
            $"--Amas:Providers:Custom:{Provider}:Model={Provider}-model",
            $"--Amas:Providers:Custom:{Provider}:ApiKey=test-key-not-a-secret",
            $"--Amas:Providers:Custom:{Provider}:Priority=1",
            // The tests count the provider calls of the agents they script (AdvisingAgent, Reporter): the
            // ImprovementAdvisor keeps to its rules here.
            "--Amas:Improvements:MaxAiRationales=0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Amas=Information",
            "--Logging:Console:LogLevel:Default=Warning",
        ];
        App = GatewayApp.Build(args, silo =>
        {
            silo.Services.AddAgent<AdvisingAgent>();
            silo.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            // Exported only when a test flushes, so a read sees one complete, current export.
            silo.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(
                Metrics, reader => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = int.MaxValue));
            silo.Services.AddSingleton<ILoggerProvider>(Logs);
        });
        await App.StartAsync();

        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Submits an orchestrate task over the sample repository and returns its id once it ended.</summary>
    public async Task<Guid> RunTaskAsync(string components = "security")
    {
        var repository = SampleRepository.Create(Root);
        var response = await Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(repository, components));
        response.EnsureSuccessStatusCode();
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetGuid();
        var status = await Http.WaitUntilEndedAsync(id.ToString());
        Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString());
        return id;
    }

    /// <summary>Every metric as exported right now (cumulative since start).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        Metrics.Clear();
        Assert.True(App.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "The meter provider did not flush.");
        return Metrics.Snapshot();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ObservedGatewayCollection : ICollectionFixture<ObservedGateway>
{
    public const string Name = "observed gateway";
}
