using System.Text;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Writes a unified diff of one file in the form <c>git apply</c> reads (<c>diff --git a/… b/…</c>, three lines of
/// context, <c>\ No newline at end of file</c> where a side lacks one). Lines are matched by a longest common
/// subsequence over the span between the common prefix and suffix, which is small for the local edits fixes make.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Above this many cells the middle is written as one replaced block rather than matched line by line.</summary>
    private const long MaxMatchCells = 4_000_000;

    private const string NoNewline = "\\ No newline at end of file";

    private enum Op { Keep, Remove, Add }

    private readonly record struct Line(Op Op, string Text, bool LastWithoutNewline);

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>, or an empty string when they are equal.</summary>
    public static string Create(string path, string before, string after)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return "";
        }

        var (old, oldEol) = Split(before);
        var (@new, newEol) = Split(after);
        var script = Script(Keys(old, oldEol), Keys(@new, newEol), old, @new, oldEol, newEol);

        var text = new StringBuilder()
            .Append("diff --git a/").Append(path).Append(" b/").Append(path).Append('\n')
            .Append("--- a/").Append(path).Append('\n')
            .Append("+++ b/").Append(path).Append('\n');
        foreach (var (start, end) in Hunks(script))
        {
            WriteHunk(text, script, start, end);
        }

        return text.ToString();
    }

    private static (string[] Lines, bool EndsWithNewline) Split(string text)
    {
        if (text.Length == 0)
        {
            return ([], true);
        }

        var lines = text.Split('\n');
        var endsWithNewline = text.EndsWith('\n');
        return (endsWithNewline ? lines[..^1] : lines, endsWithNewline);
    }

    /// <summary>A last line without a newline differs from the same text with one: the key says so.</summary>
    private static string[] Keys(string[] lines, bool endsWithNewline)
    {
        var keys = (string[])lines.Clone();
        if (!endsWithNewline && keys.Length > 0)
        {
            keys[^1] += "\0";
        }

        return keys;
    }

    private static List<Line> Script(string[] a, string[] b, string[] oldLines, string[] newLines, bool oldEol, bool newEol)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var script = new List<Line>();
        for (var i = 0; i < prefix; i++)
        {
            script.Add(new Line(Op.Keep, oldLines[i], !oldEol && i == a.Length - 1));
        }

        var aEnd = a.Length - suffix;
        var bEnd = b.Length - suffix;
        Middle(script, a, b, prefix, aEnd, prefix, bEnd, oldLines, newLines, oldEol, newEol);

        for (var i = aEnd; i < a.Length; i++)
        {
            script.Add(new Line(Op.Keep, oldLines[i], !oldEol && i == a.Length - 1));
        }

        return script;
    }

    private static void Middle(List<Line> script, string[] a, string[] b, int a0, int a1, int b0, int b1,
        string[] oldLines, string[] newLines, bool oldEol, bool newEol)
    {
        int n = a1 - a0, m = b1 - b0;
        Line Removed(int i) => new(Op.Remove, oldLines[i], !oldEol && i == a.Length - 1);
        Line Added(int j) => new(Op.Add, newLines[j], !newEol && j == b.Length - 1);

        if ((long)n * m > MaxMatchCells || n == 0 || m == 0)
        {
            script.AddRange(Enumerable.Range(a0, n).Select(Removed));
            script.AddRange(Enumerable.Range(b0, m).Select(Added));
            return;
        }

        // lcs[i, j]: length of the longest common subsequence of a[a0 + i..a1] and b[b0 + j..b1].
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[a0 + x] == b[b0 + y])
            {
                script.Add(new Line(Op.Keep, oldLines[a0 + x], !oldEol && a0 + x == a.Length - 1));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                script.Add(Removed(a0 + x++));
            }
            else
            {
                script.Add(Added(b0 + y++));
            }
        }

        while (x < n)
        {
            script.Add(Removed(a0 + x++));
        }

        while (y < m)
        {
            script.Add(Added(b0 + y++));
        }
    }

    /// <summary>Ranges of the script (end exclusive) that make one hunk each: changes with their context, merged when close.</summary>
    private static List<(int Start, int End)> Hunks(List<Line> script)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Op == Op.Keep)
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var last = i;
            while (last + 1 < script.Count && script[last + 1].Op != Op.Keep)
            {
                last++;
            }

            var end = Math.Min(script.Count, last + 1 + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }

            i = last;
        }

        return hunks;
    }

    private static void WriteHunk(StringBuilder text, List<Line> script, int start, int end)
    {
        int oldBefore = 0, newBefore = 0;
        for (var i = 0; i < start; i++)
        {
            if (script[i].Op != Op.Add)
            {
                oldBefore++;
            }

            if (script[i].Op != Op.Remove)
            {
                newBefore++;
            }
        }

        var lines = script.Skip(start).Take(end - start).ToList();
        var oldCount = lines.Count(l => l.Op != Op.Add);
        var newCount = lines.Count(l => l.Op != Op.Remove);
        text.Append("@@ -").Append(Range(oldBefore, oldCount)).Append(" +").Append(Range(newBefore, newCount)).Append(" @@\n");
        foreach (var line in lines)
        {
            text.Append(line.Op switch { Op.Keep => ' ', Op.Remove => '-', _ => '+' }).Append(line.Text).Append('\n');
            if (line.LastWithoutNewline)
            {
                text.Append(NoNewline).Append('\n');
            }
        }
    }

    private static string Range(int before, int count)
        => count == 0 ? $"{before},0" : count == 1 ? $"{before + 1}" : $"{before + 1},{count}";
}
