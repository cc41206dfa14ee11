namespace Amas.Orleans.Agents;

/// <summary>How an agent wrote a piece of text: through an AI provider, or by its own rules.</summary>
[GenerateSerializer, Alias("amas.TextPath")]
public enum TextPath
{
    RuleBased = 0,
    Ai = 1,
}
