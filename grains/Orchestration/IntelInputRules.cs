using System.Globalization;
using System.Net;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// The osint and forensics inputs: what they may name, and how much of it. Part of <see cref="TaskSpecValidator"/>;
/// every problem goes into its error map under the field's key.
/// </summary>
internal static class IntelInputRules
{
    public static void CheckOsint(Dictionary<string, string[]> errors, TaskOptions options, TaskSpecPolicy policy)
    {
        if (options.Urls.Count == 0)
        {
            errors["options.urls"] = [$"An osint task needs at least one URL ({string.Join(" or ", TaskOptionCatalog.UrlSchemes)})."];
        }
        else if (options.Urls.Count > TaskOptionCatalog.MaxUrls)
        {
            errors["options.urls"] = [$"At most {TaskOptionCatalog.MaxUrls} URLs; {options.Urls.Count} were given."];
        }
        else if (options.Urls.Select(url => UrlProblem(url, policy)).OfType<string>().ToArray() is { Length: > 0 } problems)
        {
            errors["options.urls"] = problems;
        }

        if (options.Keywords.Count > TaskOptionCatalog.MaxKeywords)
        {
            errors["options.keywords"] = [$"At most {TaskOptionCatalog.MaxKeywords} keywords; {options.Keywords.Count} were given."];
        }
        else if (options.Keywords.Select(KeywordProblem).OfType<string>().ToArray() is { Length: > 0 } problems)
        {
            errors["options.keywords"] = problems;
        }

        if (options.Depth is not null
            && !(int.TryParse(options.Depth, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth <= TaskOptionCatalog.MaxLinkDepth))
        {
            errors["options.depth"] = [$"'{options.Depth}' is not a valid depth for osint: a whole number of link levels from 0 to {TaskOptionCatalog.MaxLinkDepth}."];
        }
    }

    public static void CheckForensics(Dictionary<string, string[]> errors, TaskOptions options, TaskSpecPolicy policy)
    {
        var path = options.FilePath;
        if (path is null == options.Upload is null)
        {
            errors["options.file_path"] = [path is null
                ? "A forensics task needs a file: upload it as the multipart part 'file', or give options.file_path under an allowed root."
                : "Give either an uploaded file or options.file_path, not both."];
            return;
        }

        if (path is not null)
        {
            var problem = path.Length > TaskOptionCatalog.MaxFilePathLength
                ? $"file_path is longer than {TaskOptionCatalog.MaxFilePathLength} characters."
                : ForensicsPathPolicy.Problem(path, policy.FileRoots, "file_path", out _);
            if (problem is not null)
            {
                errors["options.file_path"] = [problem];
            }
        }

        if (options.Upload is { } upload && (upload.Size < 0 || upload.Sha256.Length != 64 || string.IsNullOrWhiteSpace(upload.FileName)))
        {
            errors["file"] = ["The upload reference is malformed."];
        }
    }

    private static string? UrlProblem(string url, TaskSpecPolicy policy)
    {
        if (url.Length > TaskOptionCatalog.MaxUrlLength)
        {
            return $"A URL is longer than {TaskOptionCatalog.MaxUrlLength} characters.";
        }

        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"'{url}' contains whitespace or control characters.";
        }

        // On Unix, Uri reads "/etc/passwd" as a file URL; a URL must say its scheme.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' is not an absolute URL.";
        }

        if (!TaskOptionCatalog.UrlSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{url}' uses the scheme '{uri.Scheme}'. Valid schemes: {string.Join(", ", TaskOptionCatalog.UrlSchemes)}.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return $"'{url}' must not contain credentials.";
        }

        if (uri.Host.Length == 0)
        {
            return $"'{url}' names no host.";
        }

        // Names are checked on the address actually connected to, when fetched; literal addresses and localhost
        // can be refused now, before a task exists.
        var address = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? literal
            : uri.DnsSafeHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || uri.DnsSafeHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : null;
        return address is not null && policy.UrlAddresses.Refusal(address) is { } refusal
            ? $"'{url}' points at a {refusal} address, which this cluster does not fetch."
            : null;
    }

    private static string? KeywordProblem(string keyword)
    {
        if (string.IsNullOrWhiteSpace(keyword))
        {
            return "A keyword is empty.";
        }

        if (keyword.Length > TaskOptionCatalog.MaxKeywordLength)
        {
            return $"A keyword is longer than {TaskOptionCatalog.MaxKeywordLength} characters.";
        }

        return keyword.Any(char.IsControl) ? "A keyword contains control characters." : null;
    }
}
