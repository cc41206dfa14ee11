namespace Amas.Orleans.Repositories;

/// <summary>
/// Where repository targets may come from and how they are fetched, bound from <see cref="SectionName"/>.
/// </summary>
/// <remarks>
/// The two allow-lists are nullable on purpose: the configuration binder appends configured items to a list that
/// already holds defaults, so a configured <c>AllowedGitHosts: ["git.internal"]</c> would silently keep github.com
/// allowed. Null means "not configured"; <see cref="EffectiveGitSchemes"/> and <see cref="EffectiveGitHosts"/> apply the
/// defaults.
/// </remarks>
public sealed class RepositoryOptions
{
    public const string SectionName = "Amas:Repositories";

    public static IReadOnlyList<string> DefaultGitSchemes { get; } = ["https"];

    public static IReadOnlyList<string> DefaultGitHosts { get; } = ["github.com", "gitlab.com", "bitbucket.org"];

    /// <summary>Absolute directories a local path target, or a <c>file://</c> git URL, must lie inside.</summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>
    /// URL schemes a git target may use; null means <see cref="DefaultGitSchemes"/>. "file" is honoured only for
    /// paths under <see cref="AllowedRoots"/>; "ext" and "fd" are refused whatever is listed.
    /// </summary>
    public List<string>? AllowedGitSchemes { get; set; }

    /// <summary>Hosts a network git URL may name; null means <see cref="DefaultGitHosts"/>; "*" allows any host.</summary>
    public List<string>? AllowedGitHosts { get; set; }

    /// <summary>Where this silo keeps its checkouts, one directory per URL and commit.</summary>
    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "amas", "checkouts");

    /// <summary>Files larger than this are left out of a checkout's file list (and counted).</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>How long one git command may run before its process tree is killed.</summary>
    public TimeSpan GitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<string> EffectiveGitSchemes => AllowedGitSchemes ?? DefaultGitSchemes;

    public IReadOnlyList<string> EffectiveGitHosts => AllowedGitHosts ?? DefaultGitHosts;
}
