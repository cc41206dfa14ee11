namespace Amas.Orleans.Testing.Servers;

/// <summary>
/// Finds server executables installed from Debian packages. PostgreSQL's server tools live in
/// <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>, which is not on PATH, so that is searched first (newest major).
/// </summary>
public static class ServerBinaries
{
    public static string Find(string executable, string debianPackage, params string[] directoryPatterns)
    {
        foreach (var directory in CandidateDirectories(directoryPatterns))
        {
            var path = Path.Combine(directory, executable);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException(
            $"'{executable}' was not found in {string.Join(", ", directoryPatterns.Append("PATH"))}. " +
            $"Install the Debian package '{debianPackage}' (apt-get install -y {debianPackage}).");
    }

    private static IEnumerable<string> CandidateDirectories(string[] directoryPatterns)
    {
        foreach (var pattern in directoryPatterns)
        {
            var star = pattern.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                yield return pattern;
                continue;
            }

            // "/usr/lib/postgresql/*/bin": expand the one wildcard segment, highest version first.
            var parent = pattern[..star];
            var suffix = pattern[(star + 1)..].TrimStart('/');
            if (!Directory.Exists(parent))
            {
                continue;
            }

            var matches = Directory.GetDirectories(parent)
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var major) ? major : -1)
                .ThenByDescending(directory => directory, StringComparer.Ordinal);
            foreach (var match in matches)
            {
                yield return Path.Combine(match, suffix);
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }
    }
}
