using Amas.Orleans.Learning;
using Amas.Orleans.Monitoring;
using Amas.Orleans.Providers.Budgets;
using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Safety;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// The router's work, one per silo (its cursor, cache and de-duplication are the silo's): pick providers by
/// strategy, call them one after another until one answers, within a bounded number of attempts and a total
/// deadline, and report every attempt. It never waits on a rate-limited provider: it moves on at once. Before any
/// of that, a spent budget refuses the request and a cached answer (when the cache is on) is returned as it is.
/// </summary>
public sealed class ProviderRouter(
    ProviderCatalog catalog,
    IGrainFactory grains,
    ProviderHealthCache healthCache,
    RequestDeduplicator deduplicator,
    RoundRobinCursors cursors,
    ProviderPromptBuilder prompts,
    AiBudgets budgets,
    ResponseCache cache,
    LearningLedger learning,
    WorkflowLedger workflows,
    ProviderHistory history,
    IOptions<LearningOptions> learningOptions,
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time,
    ILogger<ProviderRouter> logger)
{
    public async Task<GenerateResponse> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } problem)
        {
            return new GenerateResponse { Success = false, ErrorCode = GenerateErrorCodes.InvalidRequest, Error = problem };
        }

        var started = time.GetTimestamp();
        if (await budgets.CheckAsync(request) is { } spent)
        {
            var reason = AiBudgets.Describe(spent);
            ProviderLog.BudgetExhausted(logger, reason);
            return new GenerateResponse { Success = false, ErrorCode = GenerateErrorCodes.BudgetExhausted, Error = reason, Budget = spent };
        }

        var key = RequestKeys.Of(request);
        if (cache.TryGet(key) is { } cached)
        {
            return cached with { LatencyMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3) };
        }

        return await deduplicator.RunAsync(key, () => RouteAsync(request, key), cancellationToken);
    }

    public async Task<IReadOnlyList<ProviderHealth>> GetProvidersAsync()
    {
        var healths = await Task.WhenAll(catalog.Deployments.Select(d => grains.GetGrain<IProviderGrain>(d.Id).GetHealthAsync().AsTask()));
        foreach (var health in healths)
        {
            healthCache.Update(health);
        }

        return healths;
    }

    private string? Invalid(GenerateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return "The prompt is empty.";
        }

        if (request.Data?.Any(d => d is null || d.Name is null || d.Content is null) == true)
        {
            return "Every data document needs a name and a content.";
        }

        var unknown = request.Providers?.Where(id => catalog.Find(id) is null).ToList() ?? [];
        return unknown.Count > 0
            ? $"Unknown provider{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)}. Known: {string.Join(", ", catalog.Deployments.Select(d => d.Id))}."
            : null;
    }

    private async Task<GenerateResponse> RouteAsync(GenerateRequest request, string key)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        var total = request.Timeout is { } asked && asked > TimeSpan.Zero && asked < ProvidersOptions.MaxProviderTimeout ? asked : settings.TotalTimeout;
        using var deadline = new CancellationTokenSource(total, time);
        var strategy = request.Strategy ?? (RoutingStrategyNames.TryParse(settings.Strategy, out var configured) ? configured : RoutingStrategy.Priority);

        var group = request.Providers is { Count: > 0 } ids
            ? catalog.Deployments.Where(d => ids.Contains(d.Id, StringComparer.OrdinalIgnoreCase)).ToList()
            : [.. catalog.Deployments];
        var skipped = group.Where(d => !d.Configured).Select(d => $"{d.Id}: unconfigured").ToList();
        var healths = await healthCache.GetAsync(group.Where(d => d.Configured).Select(d => d.Id));
        var now = time.GetUtcNow();
        skipped.AddRange(healths.Where(h => !h.IsAvailable(now)).Select(h => $"{h.Id}: {h.Status(now)}{Until(h, now)}"));

        var turn = strategy == RoutingStrategy.RoundRobin ? cursors.Next(string.Join(',', group.Select(d => d.Id))) : 0;
        var order = ProviderSelector.Order(
                strategy, healths.Where(h => h.IsAvailable(now)), turn, id => history.For(id, request.PromptKind), learningOptions.Value.ProviderHistoryCalls)
            .Take(settings.MaxAttempts).Select(h => h.Id).ToList();

        var providerRequest = prompts.Build(request);

        Task<ProviderCallResult> Call(string id, CancellationToken token)
            => CallAsync(id, providerRequest with { Timeout = total - time.GetElapsedTime(started) }, token, deadline.Token);

        var attempts = new List<ProviderAttempt>();
        var next = 0;
        string? stop = null;
        if (strategy == RoutingStrategy.Fastest && (request.HedgeAfter ?? settings.HedgeAfter) is { } hedgeAfter && order.Count >= 2)
        {
            var race = await HedgedRace.RunAsync(order[0], order[1], hedgeAfter, time, Call, deadline.Token);
            attempts.AddRange(race.Attempts);
            if (race.Winner is { } winner)
            {
                return await SucceededAsync(request, key, winner, attempts, started);
            }

            next = race.Used;
        }

        for (; next < order.Count; next++)
        {
            if (deadline.IsCancellationRequested)
            {
                stop = $"The total deadline of {total.TotalSeconds:0.###} s passed.";
                break;
            }

            var result = await Call(order[next], CancellationToken.None);
            attempts.Add(RoutingAttempts.From(result));
            if (result.IsSuccess)
            {
                return await SucceededAsync(request, key, result, attempts, started);
            }

            if (!RoutingAttempts.ShouldFailOver(result))
            {
                stop = result.StatusCode == 400
                    ? "HTTP 400 means the request itself was refused, so no other provider was tried."
                    : null;
                break;
            }
        }

        Learn(request, attempts, succeeded: null);
        var error = RoutingAttempts.Describe(attempts, skipped, stop);
        ProviderLog.RequestFailed(logger, attempts.Count, error);
        return new GenerateResponse
        {
            Success = false,
            Attempts = attempts,
            LatencyMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3),
            Error = error,
            ErrorCode = GenerateErrorCodes.ProvidersFailed,
        };
    }

    /// <summary>One provider call; grain-call failures become results too, so the loop has one shape to read.</summary>
    private async Task<ProviderCallResult> CallAsync(string id, ProviderRequest request, CancellationToken cancellation, CancellationToken deadline)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline);
        try
        {
            var result = await grains.GetGrain<IProviderGrain>(id).CompleteAsync(request, linked.Token);
            if (result.Health is { } health)
            {
                healthCache.Update(health);
            }

            return result;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return new ProviderCallResult
            {
                Provider = id,
                Outcome = deadline.IsCancellationRequested ? ProviderOutcome.Timeout : ProviderOutcome.Cancelled,
                Called = true,
                Error = deadline.IsCancellationRequested ? "the request's total deadline passed" : "cancelled",
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ProviderCallResult
            {
                Provider = id,
                Outcome = ProviderOutcome.ServerError,
                Error = $"the provider grain failed: {exception.GetType().Name}: {exception.Message}",
            };
        }
    }

    /// <summary>The answer, charged to the request's budgets and kept in the cache (when on) before it is returned.</summary>
    private async Task<GenerateResponse> SucceededAsync(GenerateRequest request, string key, ProviderCallResult result, List<ProviderAttempt> attempts, long started)
    {
        Learn(request, attempts, result);
        var cost = budgets.CostOf(result.Provider, result.PromptTokens, result.CompletionTokens);
        await budgets.ChargeAsync(request, result.PromptTokens, result.CompletionTokens, cost);
        var response = new GenerateResponse
        {
            Success = true,
            Provider = result.Provider,
            ProviderName = catalog.Find(result.Provider)?.Name ?? result.Provider,
            Model = result.Model,
            Content = result.Content,
            Attempts = attempts,
            LatencyMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3),
            PromptTokens = result.PromptTokens,
            CompletionTokens = result.CompletionTokens,
            EstimatedCostUsd = cost,
        };
        cache.Store(key, response);
        return response;
    }

    /// <summary>Every attempt that reached a provider, tallied for the LearningSystem and the WorkflowMonitor (in memory, this silo).</summary>
    private void Learn(GenerateRequest request, List<ProviderAttempt> attempts, ProviderCallResult? succeeded)
    {
        // A hedge's loser was cancelled, not failed: it says nothing about the provider.
        foreach (var attempt in attempts.Where(a => a.Called && a.Outcome != ProviderOutcome.Cancelled))
        {
            var success = attempt.Outcome == ProviderOutcome.Success;
            var tokens = success && succeeded?.Provider == attempt.Provider ? succeeded.PromptTokens + succeeded.CompletionTokens : 0;
            learning.RecordProviderCall(attempt.Provider, request.PromptKind, success, attempt.LatencyMs, tokens);
            workflows.RecordProviderCall(attempt.Provider, success);
        }
    }

    private static string Until(ProviderHealth health, DateTimeOffset now)
        => (health.RateLimitedUntil ?? health.CircuitOpenUntil ?? health.MisconfiguredUntil) is { } until && until > now
            ? $" for {(until - now).TotalSeconds:0.###} s more"
            : "";
}
