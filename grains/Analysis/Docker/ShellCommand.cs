namespace Amas.Orleans.Analysis.Docker;

/// <summary>One simple command of a shell script, its words unquoted.</summary>
/// <param name="Words">Leading <c>NAME=value</c> assignments included.</param>
/// <param name="PipesInto">Its output feeds the next command (<c>curl … | sh</c>).</param>
public sealed record ShellCommand(IReadOnlyList<string> Words, bool PipesInto)
{
    private int ProgramIndex
    {
        get
        {
            var i = 0;
            while (i < Words.Count && IsAssignment(Words[i]))
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>The program's file name (<c>/usr/bin/apt-get</c> → <c>apt-get</c>); "" for a bare assignment.</summary>
    public string Program
    {
        get
        {
            var index = ProgramIndex;
            return index < Words.Count ? Path.GetFileName(Words[index]) : "";
        }
    }

    /// <summary>The words after the program.</summary>
    public IReadOnlyList<string> Arguments => [.. Words.Skip(ProgramIndex + 1)];

    public bool Runs(params string[] programs) => programs.Contains(Program, StringComparer.Ordinal);

    /// <summary>The first argument that is not an option: apt-get's and pip's subcommand.</summary>
    public string? Subcommand => Arguments.FirstOrDefault(a => !a.StartsWith('-'));

    public bool HasArgument(string argument) => Arguments.Contains(argument, StringComparer.Ordinal);

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word.AsSpan(0, equals).IndexOfAnyExcept(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") < 0 && !char.IsDigit(word[0]);
    }

    public override string ToString() => string.Join(' ', Words);
}
