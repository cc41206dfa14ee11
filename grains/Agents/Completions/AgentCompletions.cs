using Amas.Orleans.Providers;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents.Completions;

/// <summary>
/// How an agent asks for a completion: through the router (<see cref="IProviderRouterGrain"/>), charged to the task
/// and to its submitter's budgets. It never throws for a missing or failing provider: the answer then says the agent
/// must take its rule-based path, and why, so the agent's output can say which path it took.
/// </summary>
public sealed partial class AgentCompletions(
    ProviderCatalog catalog,
    IGrainFactory grains,
    IOptions<ProvidersOptions> options,
    TimeProvider clock,
    ILogger<AgentCompletions> logger) : IAgentCompletions
{
    public const string NoProviderConfigured = "no AI provider configured";

    /// <summary>The longest AI text an agent keeps; a provider that rambles past it is cut.</summary>
    public const int MaxContentLength = 4000;

    public async Task<AgentCompletion> AskAsync(AgentContext context, AgentCompletionRequest request, CancellationToken cancellationToken)
    {
        if (!catalog.Deployments.Any(d => d.Configured))
        {
            return AgentCompletion.RuleBased(NoProviderConfigured);
        }

        GenerateResponse response;
        try
        {
            response = await grains.GetGrain<IProviderRouterGrain>(0).GenerateAsync(new GenerateRequest
            {
                Prompt = request.Instruction,
                SystemPrompt = request.SystemPrompt,
                Data = request.Data,
                MaxTokens = request.MaxTokens,
                Temperature = request.Temperature,
                Timeout = Timeout(context),
                TaskId = context.TaskId,
                Caller = context.Work.Submitter,
                PromptKind = context.Work.Agent,
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRouterFailed(logger, exception, context.TaskId, context.Work.Agent);
            return AgentCompletion.RuleBased($"the AI router could not be reached ({exception.GetType().Name})");
        }

        if (response.Success && !string.IsNullOrWhiteSpace(response.Content))
        {
            var content = response.Content.Trim();
            return new AgentCompletion(content.Length <= MaxContentLength ? content : content[..MaxContentLength] + "…", new AgentAiUse
            {
                Path = TextPath.Ai,
                Provider = response.Provider,
                ProviderName = response.ProviderName,
                Model = response.Model,
                PromptTokens = response.PromptTokens,
                CompletionTokens = response.CompletionTokens,
            });
        }

        var reason = response.ErrorCode == GenerateErrorCodes.BudgetExhausted
            ? $"the AI budget is spent: {response.Error}"
            : $"no AI provider answered: {response.Error}";
        LogRuleBased(logger, context.TaskId, context.Work.Agent, reason);
        return AgentCompletion.RuleBased(reason);
    }

    /// <summary>
    /// The router's deadline, shortened to 80% of what is left of the agent's own, so that the rule-based path still
    /// fits when the providers use all of theirs. Null: the router's default.
    /// </summary>
    private TimeSpan? Timeout(AgentContext context)
    {
        var left = context.Work.Deadline - clock.GetUtcNow();
        var total = options.Value.TotalTimeout;
        return left * 0.8 < total ? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(left.Ticks * 0.8))) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} could not reach the AI router; it uses its rules")]
    private static partial void LogRouterFailed(ILogger logger, Exception exception, Guid taskId, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: agent {Agent} uses its rules: {Reason}")]
    private static partial void LogRuleBased(ILogger logger, Guid taskId, string agent, string reason);
}
