namespace Amas.Orleans.Analysis.Docker;

/// <summary>Finds package-manager installs in RUN scripts and the packages they name.</summary>
internal static class PackageInstalls
{
    private static readonly HashSet<string> AptValueOptions = new(StringComparer.Ordinal) { "-o", "-t", "-c", "--target-release", "--option", "--config-file" };

    private static readonly HashSet<string> ApkValueOptions = new(StringComparer.Ordinal)
    {
        "-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--repositories-file",
    };

    private static readonly HashSet<string> PipValueOptions = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
        "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--platform", "--python-version",
        "--implementation", "--abi", "--src", "--upgrade-strategy", "--progress-bar", "--trusted-host", "--cache-dir",
        "--only-binary", "--no-binary",
    };

    /// <summary><c>apt-get install …</c> commands; <c>apt install</c> is DL3027's business.</summary>
    public static IEnumerable<ShellCommand> AptGetInstalls(ShellScript script) =>
        script.Commands.Where(c => c.Runs("apt-get") && c.Subcommand == "install");

    public static IEnumerable<ShellCommand> ApkAdds(ShellScript script) =>
        script.Commands.Where(c => c.Runs("apk") && c.Subcommand == "add");

    /// <summary><c>pip install</c>, <c>pip3 install</c> and <c>python3 -m pip install</c>, with the words after pip.</summary>
    public static IEnumerable<IReadOnlyList<string>> PipInstalls(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            IReadOnlyList<string>? pipArguments = null;
            if (command.Program.StartsWith("pip", StringComparison.Ordinal)
                && command.Program.AsSpan(3).TrimStart("0123456789.").IsEmpty)
            {
                pipArguments = command.Arguments;
            }
            else if (command.Program.StartsWith("python", StringComparison.Ordinal))
            {
                var arguments = command.Arguments;
                for (var i = 0; i + 1 < arguments.Count; i++)
                {
                    if (arguments[i] == "-m" && arguments[i + 1] == "pip")
                    {
                        pipArguments = [.. arguments.Skip(i + 2)];
                        break;
                    }
                }
            }

            if (pipArguments?.FirstOrDefault(a => !a.StartsWith('-')) == "install")
            {
                yield return pipArguments;
            }
        }
    }

    public static List<string> AptPackages(ShellCommand install) => Operands(install.Arguments, "install", AptValueOptions);

    public static List<string> ApkPackages(ShellCommand add) => Operands(add.Arguments, "add", ApkValueOptions);

    /// <summary>Requirement specifiers only: files, paths, URLs and VCS references pin themselves or cannot be pinned.</summary>
    public static List<string> PipRequirements(IReadOnlyList<string> pipArguments) =>
        Operands(pipArguments, "install", PipValueOptions)
            .Where(a => !a.StartsWith('.') && !a.StartsWith('/') && !a.Contains("://", StringComparison.Ordinal)
                && !a.StartsWith("git+", StringComparison.Ordinal)
                && !a.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)
                && !a.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
                && !a.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The words after <paramref name="subcommand"/> that are neither options nor an option's value.</summary>
    private static List<string> Operands(IReadOnlyList<string> arguments, string subcommand, HashSet<string> valueOptions)
    {
        var operands = new List<string>();
        var seenSubcommand = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (word.StartsWith('-'))
            {
                i += valueOptions.Contains(word) ? 1 : 0;
                continue;
            }

            if (!seenSubcommand)
            {
                seenSubcommand = word == subcommand;
                continue;
            }

            // Redirections such as 2>/dev/null or "> log" are the shell's, not the package manager's.
            var redirect = word.AsSpan().TrimStart("0123456789&");
            if (!redirect.IsEmpty && redirect[0] is '>' or '<')
            {
                i += redirect[^1] is '>' or '<' ? 1 : 0;
                continue;
            }

            operands.Add(word);
        }

        return operands;
    }
}
