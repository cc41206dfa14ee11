namespace Amas.Orleans.Agents.Completions;

/// <summary>The provider's text when the AI path worked; otherwise no text and, in <see cref="Use"/>, why the agent must use its rules.</summary>
public sealed record AgentCompletion(string? Content, AgentAiUse Use)
{
    public bool ByAi => Use.Path == TextPath.Ai && Content is not null;

    public static AgentCompletion RuleBased(string reason) => new(null, new AgentAiUse { Path = TextPath.RuleBased, Reason = reason });
}
