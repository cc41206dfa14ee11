using Amas.Orleans.Providers.Client;
using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Health;
using Amas.Orleans.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Amas.Orleans.Providers;

/// <summary>
/// One provider deployment. Reentrant so that one activation has many calls in flight; its health is only touched
/// between awaits, and turns never overlap, so the tracker needs no locks. Health lives in memory: a new
/// activation starts healthy, which is what a restarted silo should believe.
/// </summary>
[Reentrant]
internal sealed class ProviderGrain(
    ProviderCatalog catalog,
    ChatCompletionClient client,
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time,
    ProviderMetrics metrics,
    ILogger<ProviderGrain> logger) : Grain, IProviderGrain
{
    private ProviderDeployment? _deployment;
    private ProviderHealthTracker? _health;

    private ProviderDeployment Deployment => _deployment ?? throw new InvalidOperationException("Not activated.");

    private ProviderHealthTracker Health => _health ?? throw new InvalidOperationException("Not activated.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _deployment = catalog.Find(id) ?? throw new ArgumentException(
            $"There is no provider '{id}'. Known: {string.Join(", ", catalog.Deployments.Select(d => d.Id))}.");
        _health = new ProviderHealthTracker(_deployment, options.Value, time);
        return Task.CompletedTask;
    }

    public async Task<ProviderCallResult> CompleteAsync(ProviderRequest request, CancellationToken cancellationToken = default)
    {
        using var span = AmasTelemetry.Providers.StartActivity($"chat {Deployment.Id}", System.Diagnostics.ActivityKind.Client);
        span?.SetTag(TelemetryTags.Provider, Deployment.Id);
        span?.SetTag(TelemetryTags.GenAiOperation, "chat");
        span?.SetTag(TelemetryTags.GenAiModel, Deployment.Model);
        var (refusal, permit) = Health.Admit();
        if (refusal is not null)
        {
            var refused = refusal with { Health = Health.Snapshot() };
            Trace(span, refused);
            metrics.RecordCall(refused, Health.Circuit);
            return refused;
        }

        var timeout = request.Timeout is { } limit && limit < Deployment.Timeout ? limit : Deployment.Timeout;
        if (timeout <= TimeSpan.Zero)
        {
            timeout = TimeSpan.FromMilliseconds(1);
        }

        var before = Health.Circuit;
        var result = await client.CompleteAsync(Deployment, request, timeout, cancellationToken);
        Health.Record(result, permit);
        var health = Health.Snapshot();
        Report(result, health, before);
        Trace(span, result);
        metrics.RecordCall(result, health.Circuit);
        return result with { Health = health };
    }

    private static void Trace(System.Diagnostics.Activity? span, ProviderCallResult result)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Outcome, OutcomeNames.Of(result.Outcome));
        span.SetTag(TelemetryTags.HttpStatusCode, result.StatusCode);
        span.SetTag(TelemetryTags.GenAiInputTokens, result.PromptTokens);
        span.SetTag(TelemetryTags.GenAiOutputTokens, result.CompletionTokens);
        if (!result.IsSuccess)
        {
            span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, OutcomeNames.Of(result.Outcome));
        }
    }

    public ValueTask<ProviderHealth> GetHealthAsync() => ValueTask.FromResult(Health.Snapshot());

    public Task ResetAsync()
    {
        Health.Reset();
        return Task.CompletedTask;
    }

    private void Report(ProviderCallResult result, ProviderHealth health, CircuitState before)
    {
        switch (result.Outcome)
        {
            case ProviderOutcome.Success or ProviderOutcome.Cancelled:
                break;
            case ProviderOutcome.RateLimited:
                ProviderLog.RateLimited(logger, Deployment.Id, health.RateLimitedUntil);
                break;
            case ProviderOutcome.Misconfigured:
                ProviderLog.Misconfigured(logger, Deployment.Id, result.StatusCode, health.MisconfiguredUntil, result.Error);
                break;
            default:
                ProviderLog.CallFailed(logger, Deployment.Id, OutcomeNames.Of(result.Outcome), result.StatusCode, result.Latency.TotalMilliseconds, result.Error);
                break;
        }

        if (health.Circuit != before)
        {
            ProviderLog.CircuitChanged(logger, Deployment.Id, before, health.Circuit);
        }
    }
}
