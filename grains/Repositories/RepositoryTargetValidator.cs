using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Repositories;

/// <summary>
/// Turns what a caller named into a target this cluster is willing to read: a local directory inside an allowed
/// root (after resolving every symbolic link), or a git URL whose scheme, host and ref are on the allow-lists.
/// Every refusal is a <see cref="TaskRejectedException"/> keyed by the offending field.
/// </summary>
public sealed class RepositoryTargetValidator(IOptions<RepositoryOptions> options)
{
    public const string TargetKey = "target";
    public const string PathKey = "target.path";
    public const string GitUrlKey = "target.git_url";
    public const string RefKey = "target.ref";

    private readonly RepositoryOptions _options = options.Value;

    public ResolvedRepository Validate(RepositoryTarget? target)
    {
        if (target is null)
        {
            throw Rejected(TargetKey, "A repository target is required: give a path or a git_url.");
        }

        var hasPath = !string.IsNullOrEmpty(target.Path);
        var hasUrl = !string.IsNullOrEmpty(target.GitUrl);
        if (hasPath == hasUrl)
        {
            throw Rejected(TargetKey, "Give exactly one of path and git_url.");
        }

        if (hasPath)
        {
            if (target.Ref is not null)
            {
                throw Rejected(RefKey, "A ref applies only to git_url targets.");
            }

            return new ResolvedRepository { LocalPath = ResolveAllowedDirectory(target.Path!, PathKey, "The path") };
        }

        if (target.Ref is not null && GitRefRule.Problem(target.Ref) is { } refProblem)
        {
            throw Rejected(RefKey, refProblem);
        }

        return new ResolvedRepository { GitUrl = NormaliseGitUrl(target.GitUrl!) };
    }

    private string NormaliseGitUrl(string gitUrl)
    {
        if (gitUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw Rejected(GitUrlKey, "The git URL must not contain whitespace or control characters.");
        }

        // "<transport>::<address>" makes git run a remote helper (ext:: runs any command), whatever Uri thinks.
        if (gitUrl.StartsWith('-') || gitUrl.Contains("::", StringComparison.Ordinal))
        {
            throw Rejected(GitUrlKey, "The git URL must not start with '-' or use the '<transport>::' form.");
        }

        // On Unix, Uri reads "/some/path" as a file URL; a git URL must say its scheme.
        if (!Uri.TryCreate(gitUrl, UriKind.Absolute, out var uri) ||
            !gitUrl.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw Rejected(GitUrlKey, "The git URL is not an absolute URL; write scp-style addresses as ssh://user@host/path.");
        }

        var scheme = uri.Scheme.ToLowerInvariant();
        var allowedSchemes = _options.EffectiveGitSchemes;
        if (RepositoryOptionsValidator.ForbiddenSchemes.Contains(scheme) ||
            !allowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw Rejected(GitUrlKey,
                $"The git URL scheme '{scheme}' is not allowed; allowed schemes: {string.Join(", ", allowedSchemes)}.");
        }

        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            throw Rejected(GitUrlKey, "The git URL must not contain a password.");
        }

        // Over http(s) a user name is where access tokens hide (GitHub accepts a token as the user), and prompts are
        // off anyway; only ssh and git have a real use for one.
        if (uri.UserInfo.Length > 0 && scheme is "http" or "https" or "file")
        {
            throw Rejected(GitUrlKey, "The git URL must not contain credentials.");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Rejected(GitUrlKey, "The git URL must not have a query or a fragment.");
        }

        return scheme == "file" ? NormaliseFileUrl(gitUrl, uri) : NormaliseNetworkUrl(uri);
    }

    private string NormaliseFileUrl(string gitUrl, Uri uri)
    {
        if (uri.IsUnc || !(uri.Host.Length == 0 || uri.IsLoopback))
        {
            throw Rejected(GitUrlKey, "A file:// git URL must name a local path, not a host.");
        }

        // Uri removes dot segments lexically, which is wrong under symbolic links; refuse them before it does.
        if (RealPath.HasParentSegment(Uri.UnescapeDataString(gitUrl)))
        {
            throw Rejected(GitUrlKey, "A file:// git URL must not contain '..' segments.");
        }

        var resolved = ResolveAllowedDirectory(uri.LocalPath, GitUrlKey, "The file:// git URL's path");

        // Git is handed the resolved path, so it reads exactly the directory that was checked.
        return new Uri(resolved).AbsoluteUri;
    }

    private string NormaliseNetworkUrl(Uri uri)
    {
        var host = uri.IdnHost.ToLowerInvariant();
        var allowedHosts = _options.EffectiveGitHosts;
        if (host.Length == 0)
        {
            throw Rejected(GitUrlKey, "The git URL must name a host.");
        }

        if (!allowedHosts.Contains("*", StringComparer.Ordinal) &&
            !allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            throw Rejected(GitUrlKey,
                $"The git host '{host}' is not allowed; allowed hosts: {string.Join(", ", allowedHosts)}.");
        }

        return uri.AbsoluteUri;
    }

    private string ResolveAllowedDirectory(string path, string key, string subject)
    {
        var problem = AllowedPaths.Problem(path, _options.AllowedRoots, AllowedPathKind.Directory, subject,
            "Local repositories are not accepted: no allowed roots are configured.", out var resolved);
        return problem is null ? resolved : throw Rejected(key, problem);
    }

    private static TaskRejectedException Rejected(string key, string sentence) =>
        new($"The repository target was rejected: {sentence}",
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [sentence] });
}
