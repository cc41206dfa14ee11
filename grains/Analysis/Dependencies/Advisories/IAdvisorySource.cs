namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Where advisories come from: a local OSV directory, the OSV API, or a test's stand-in.</summary>
public interface IAdvisorySource
{
    /// <summary>Names the source in summaries ("OSV directory /srv/osv").</summary>
    string Description { get; }

    /// <summary>
    /// Advisories that may concern these dependencies. A source may return more (a directory returns all it holds);
    /// matching versions is the caller's job.
    /// </summary>
    Task<AdvisoryIndex> LoadAsync(IReadOnlyCollection<Dependency> dependencies, CancellationToken cancellationToken);
}
