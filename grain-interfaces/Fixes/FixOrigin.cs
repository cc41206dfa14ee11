namespace Amas.Orleans.Fixes;

/// <summary>Who wrote a fix: a rule with a known rewrite, or an AI provider (applied only once validated).</summary>
[GenerateSerializer, Alias("amas.FixOrigin")]
public enum FixOrigin
{
    Deterministic = 0,
    Ai = 1,
}
