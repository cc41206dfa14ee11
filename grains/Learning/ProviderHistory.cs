namespace Amas.Orleans.Learning;

/// <summary>
/// This silo's copy of the LearningSystem's provider history, refreshed after each flush, so the <c>intelligent</c>
/// router reads it in memory instead of calling a cluster-wide grain on every request.
/// </summary>
public sealed class ProviderHistory
{
    private volatile IReadOnlyDictionary<string, ProviderTally> _byKey = new Dictionary<string, ProviderTally>(StringComparer.Ordinal);

    public void Update(IEnumerable<ProviderTally> history)
        => _byKey = history.ToDictionary(p => Tallies.Key(p.Provider, p.PromptKind), StringComparer.Ordinal);

    /// <summary>How <paramref name="provider"/> did on prompts of <paramref name="promptKind"/>; null when never tried.</summary>
    public ProviderTally? For(string provider, string? promptKind)
        => _byKey.GetValueOrDefault(Tallies.Key(provider, string.IsNullOrWhiteSpace(promptKind) ? LearningLedger.GeneralPrompt : promptKind));
}
