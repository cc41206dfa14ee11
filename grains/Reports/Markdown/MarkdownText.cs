using System.Text;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>
/// Puts untrusted text (messages, evidence, errors from agents) into Markdown without it changing the document's
/// structure: it is escaped as plain text, or fenced so that no run of backticks inside can close the fence.
/// </summary>
internal static class MarkdownText
{
    // Characters that start emphasis, links, HTML, code, tables, strikethrough, entities or GitHub math anywhere in a line.
    private const string InlineSpecials = "\\`*[]<>|~&$";

    /// <summary>Text inside a paragraph or list item; each further line is indented so it stays in the item.</summary>
    public static string Inline(string text, string continuationIndent = "  ")
    {
        var lines = Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => EscapeLineStart(EscapeLine(l)));
        // A backslash before the line end is CommonMark's hard line break, which keeps the message's own lines.
        return string.Join("\\\n" + continuationIndent, lines);
    }

    /// <summary>Text in a table cell, where a line break would end the row.</summary>
    public static string Cell(string? text)
        => text is null ? "" : string.Join(' ', Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0).Select(EscapeLine));

    /// <summary>
    /// A code span. It cannot hold a line break safely (a line starting with <c>#</c> or <c>|</c> is read as a block
    /// before spans are), so breaks are shown as ↵. Not for table cells, where a pipe ends the cell even in a span.
    /// </summary>
    public static string Code(string text)
    {
        var content = string.Join(" ↵ ", Lines(text));
        var fence = new string('`', LongestBacktickRun(content) + 1);
        // The parser strips one space at each end when both are there, and a backtick at an end would join the fence.
        var pad = content.StartsWith('`') || content.EndsWith('`') || (content.Length > 1 && content[0] == ' ' && content[^1] == ' ')
            ? " "
            : "";
        return fence + pad + content + pad + fence;
    }

    /// <summary>A fenced code block, every line indented by <paramref name="indent"/>, longer fence than any run inside.</summary>
    public static string CodeBlock(string text, string indent, string info = "")
    {
        var lines = Lines(text.TrimEnd('\r', '\n'));
        var fence = new string('`', Math.Max(3, LongestBacktickRun(text) + 1));
        var block = new StringBuilder();
        block.Append(indent).Append(fence).Append(info).Append('\n');
        foreach (var line in lines)
        {
            block.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        }

        return block.Append(indent).Append(fence).ToString();
    }

    /// <summary>Lines without their breaks; control characters that would garble a terminal become U+FFFD.</summary>
    private static string[] Lines(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            clean.Append(c switch
            {
                '\n' => '\n',
                '\t' => ' ',
                _ when char.IsControl(c) => '\uFFFD',
                _ => c,
            });
        }

        return clean.ToString().Split('\n');
    }

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            // An underscore inside a word never starts emphasis, so snake_case names stay readable in a terminal.
            var intraword = c == '_' && i > 0 && i < line.Length - 1 && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1]);
            if (InlineSpecials.Contains(c) || (c == '_' && !intraword))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>At the start of a line, <c>#</c>, <c>-</c>, <c>+</c>, <c>=</c> and <c>1.</c> would open a heading or a list.</summary>
    private static string EscapeLineStart(string line)
    {
        if (line.Length > 0 && line[0] is '#' or '-' or '+' or '=')
        {
            return "\\" + line;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < line.Length && line[digits] is '.' or ')' ? line.Insert(digits, "\\") : line;
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
