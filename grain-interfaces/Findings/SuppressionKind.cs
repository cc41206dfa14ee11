namespace Amas.Orleans.Findings;

/// <summary>Where a suppression is written, in SARIF's words: next to the code, or in a file apart from it.</summary>
[GenerateSerializer, Alias("amas.SuppressionKind")]
public enum SuppressionKind
{
    /// <summary>An <c>amas:ignore</c> marker on the finding's line.</summary>
    InSource = 0,

    /// <summary>An entry of the repository's suppression file (<c>.amas-suppressions</c>).</summary>
    External = 1,
}
