using System.Text.Json;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// Reads Dockerfile text the way BuildKit does, without ever throwing: a line it cannot understand becomes a
/// <see cref="ParseDiagnostic"/> and parsing resumes on the next line.
/// </summary>
public static partial class DockerfileParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    private static readonly HashSet<string> TakesFlags = new(StringComparer.Ordinal) { "FROM", "RUN", "COPY", "ADD", "HEALTHCHECK" };

    private static readonly HashSet<string> TakesHeredocs = new(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    // VOLUME, COPY and ADD accept a JSON array as well; the exec-versus-shell distinction matters for the rest.
    private static readonly HashSet<string> TakesJson = new(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    // BuildKit recognises a heredoc only as a whole shell word, so `$((1<<2))` and `<<<` here-strings are left alone.
    [GeneratedRegex("""(?<=^|\s)<<(?<dash>-?)(?<quote>["']?)(?<word>[A-Za-z_][A-Za-z0-9_.\-]*)\k<quote>(?=\s|$)""")]
    private static partial Regex HeredocMarker();

    public static Dockerfile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var diagnostics = new List<ParseDiagnostic>();
        var (directives, escape) = ParserDirectives.Read(lines, diagnostics);
        var instructions = new List<DockerInstruction>();

        var index = 0;
        while (index < lines.Count)
        {
            if (IsBlankOrComment(lines[index]))
            {
                index++;
                continue;
            }

            var start = index;
            var logical = ReadLogicalLine(lines, ref index, escape, diagnostics);
            var instruction = ParseInstruction(logical, start + 1, index, diagnostics);
            if (instruction is null)
            {
                continue;
            }

            if (TakesHeredocs.Contains(instruction.Keyword))
            {
                instruction = ReadHeredocs(instruction, lines, ref index, diagnostics);
            }

            instructions.Add(instruction);
        }

        var (globalArgs, stages) = BuildStages.Group(instructions, diagnostics);
        return new Dockerfile(directives, escape, instructions, globalArgs, stages, diagnostics);
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.TrimStart('\uFEFF').Split('\n'));
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        return lines;
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    /// <summary>
    /// Joins a line ending in the escape character with the lines after it. Comment and blank lines inside the
    /// continuation are dropped, as BuildKit drops them, so a commented-out package in a long apt-get list is skipped.
    /// On return <paramref name="index"/> is the line after the instruction.
    /// </summary>
    private static string ReadLogicalLine(List<string> lines, ref int index, char escape, List<ParseDiagnostic> diagnostics)
    {
        var joined = new System.Text.StringBuilder();
        var line = lines[index++];
        while (true)
        {
            var trimmed = line.TrimEnd(' ', '\t');
            if (trimmed.Length == 0 || trimmed[^1] != escape)
            {
                joined.Append(line);
                return joined.ToString();
            }

            joined.Append(trimmed.AsSpan(0, trimmed.Length - 1));
            while (index < lines.Count && IsBlankOrComment(lines[index]))
            {
                index++;
            }

            if (index >= lines.Count)
            {
                diagnostics.Add(new ParseDiagnostic(
                    lines.Count, "The file ends inside a line continuation.", joined.ToString().Trim()));
                return joined.ToString();
            }

            line = lines[index++];
        }
    }

    private static DockerInstruction? ParseInstruction(string logical, int startLine, int endLine, List<ParseDiagnostic> diagnostics)
    {
        var trimmed = logical.Trim();
        var split = trimmed.IndexOfAny([' ', '\t']);
        var word = split < 0 ? trimmed : trimmed[..split];
        var keyword = word.ToUpperInvariant();
        if (!Keywords.Contains(keyword))
        {
            diagnostics.Add(new ParseDiagnostic(startLine, $"'{word}' is not a Dockerfile instruction.", trimmed));
            return null;
        }

        var rest = split < 0 ? "" : trimmed[(split + 1)..].TrimStart();
        var flags = TakesFlags.Contains(keyword) ? ReadFlags(ref rest) : [];
        if (rest.Length == 0 && keyword is not ("HEALTHCHECK" or "ONBUILD"))
        {
            diagnostics.Add(new ParseDiagnostic(startLine, $"{keyword} needs at least one argument.", trimmed));
        }

        var exec = TakesJson.Contains(keyword) ? TryReadJsonArray(rest) : null;
        return new DockerInstruction(keyword, rest, flags, exec, [], startLine, endLine);
    }

    private static List<DockerFlag> ReadFlags(ref string rest)
    {
        var flags = new List<DockerFlag>();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var token = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? "" : rest[end..].TrimStart();
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            flags.Add(equals < 0 ? new DockerFlag(token, null) : new DockerFlag(token[..equals], token[(equals + 1)..]));
        }

        return flags;
    }

    /// <summary>An argument that starts with '[' but is not a JSON array of strings is shell form, as in Docker.</summary>
    private static List<string>? TryReadJsonArray(string rest)
    {
        if (!rest.StartsWith('['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(rest);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                items.Add(element.GetString()!);
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Bodies follow the instruction's last line in the order their markers appear (<c>RUN cat &lt;&lt;A &lt;&lt;B</c>
    /// reads A's body, then B's).
    /// </summary>
    private static DockerInstruction ReadHeredocs(
        DockerInstruction instruction,
        List<string> lines,
        ref int index,
        List<ParseDiagnostic> diagnostics)
    {
        if (instruction.IsExecForm)
        {
            return instruction;
        }

        var heredocs = new List<DockerHeredoc>();
        foreach (Match marker in HeredocMarker().Matches(instruction.Arguments))
        {
            var delimiter = marker.Groups["word"].Value;
            var stripsTabs = marker.Groups["dash"].Length > 0;
            var body = new System.Text.StringBuilder();
            var first = index + 1;
            var terminated = false;
            while (index < lines.Count)
            {
                var line = lines[index++];
                var content = stripsTabs ? line.TrimStart('\t') : line;
                if (content == delimiter)
                {
                    terminated = true;
                    break;
                }

                body.Append(content).Append('\n');
            }

            if (!terminated)
            {
                diagnostics.Add(new ParseDiagnostic(
                    instruction.StartLine, $"The heredoc '{delimiter}' is never terminated.", instruction.Text));
            }

            heredocs.Add(new DockerHeredoc(
                delimiter, body.ToString(), stripsTabs, marker.Groups["quote"].Length > 0, first, index));
        }

        return heredocs.Count == 0 ? instruction : instruction with { Heredocs = heredocs, EndLine = index };
    }
}
