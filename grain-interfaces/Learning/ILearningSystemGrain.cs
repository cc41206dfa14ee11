namespace Amas.Orleans.Learning;

/// <summary>
/// The LearningSystem (design §3, layer 4): the cluster's persisted history of agent runs, fix outcomes and provider
/// calls. One grain, key 0, written only by the silos' periodic flushes (each silo adds up its own completions
/// first), never once per agent completion.
/// </summary>
[Alias("amas.ILearningSystemGrain")]
public interface ILearningSystemGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one silo's tallies since its last flush; false when storage refused them (send them again later).</summary>
    [Alias("Merge")]
    Task<bool> MergeAsync(LearningTallies delta);

    /// <summary>The whole history; null while its storage cannot be read.</summary>
    [Alias("GetHistory")]
    Task<LearningTallies?> GetHistoryAsync();
}
