namespace Amas.Orleans.Analysis.Docker;

/// <summary>The shell script a RUN instruction executes, as the package and shell rules inspect it.</summary>
internal static class RunScripts
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh" };

    public static ShellScript Of(DockerInstruction run)
    {
        if (run.ExecForm is { } exec)
        {
            // ["sh", "-c", "script"] runs a script; any other array runs one program with literal arguments.
            if (exec.Count >= 3 && Shells.Contains(Path.GetFileName(exec[0])) && exec[1].StartsWith('-') && exec[1].Contains('c'))
            {
                return ShellScript.Parse(exec[2]);
            }

            return ShellScript.Parse(string.Join(' ', exec.Select(Quote)));
        }

        var script = ShellScript.Parse(run.Arguments);
        if (run.Heredocs.Count == 0)
        {
            return script;
        }

        // `RUN <<EOF` and `RUN bash <<EOF` feed the body to a shell; `RUN cat <<EOF > file` only writes data.
        var first = script.Commands.FirstOrDefault();
        var bodyIsScript = first is null || first.Words[0].StartsWith("<<", StringComparison.Ordinal)
            || (Shells.Contains(first.Program) && first.Arguments.All(a => a.StartsWith('-') || a.StartsWith("<<", StringComparison.Ordinal)));
        return bodyIsScript
            ? ShellScript.Parse(run.Arguments + "\n" + string.Concat(run.Heredocs.Select(h => h.Body)))
            : script;
    }

    /// <summary>Whether a <c>--mount=type=cache</c> at or above <paramref name="path"/> keeps it out of the image.</summary>
    public static bool CachesPath(DockerInstruction run, string path)
    {
        foreach (var flag in run.Flags)
        {
            if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value is not { } value
                || !value.Contains("type=cache", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var part in value.Split(','))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && part[..equals] is "target" or "dst" or "destination"
                    && (path + "/").StartsWith(part[(equals + 1)..].TrimEnd('/') + "/", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Quote(string word) => word.Contains(' ', StringComparison.Ordinal) ? $"'{word}'" : word;
}
