namespace Amas.Orleans.Fixes;

/// <summary>The fix pipeline's agents (layer 3), in the order they run: each reads the report of the one before.</summary>
public static class FixAgentNames
{
    public const string AutomatedFixer = "AutomatedFixer";
    public const string QualityValidator = "QualityValidator";
    public const string DeploymentManager = "DeploymentManager";

    /// <summary>The capability the three share; the DecisionEngine plans them as one chain.</summary>
    public const string Capability = "fix";

    public static IReadOnlyList<string> Chain { get; } = [AutomatedFixer, QualityValidator, DeploymentManager];
}
