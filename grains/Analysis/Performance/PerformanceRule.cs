using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Performance;

/// <summary>
/// One performance check over a parsed file of type <typeparamref name="TSource"/> (a C# syntax tree or a lexed
/// Python or JavaScript file). A rule is data: the analyser knows nothing about any particular check.
/// </summary>
public sealed class PerformanceRule<TSource>
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Why the construct is slow; it is what a reader needs to believe the finding.</summary>
    public required string Explanation { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>A concrete change that removes the problem; it becomes the finding's <c>fix</c>.</summary>
    public required string Fix { get; init; }

    public required Func<TSource, IEnumerable<PerformanceHit>> Check { get; init; }

    public override string ToString() => Id;
}
