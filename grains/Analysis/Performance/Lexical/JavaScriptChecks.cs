using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>The JavaScript and TypeScript checks, over the blanked code and <see cref="JavaScriptLayout"/>.</summary>
internal static partial class JavaScriptChecks
{
    [GeneratedRegex(@"\bawait\b")]
    private static partial Regex Await();

    [GeneratedRegex(@"\bfor\s*$")]
    private static partial Regex ForBefore();

    [GeneratedRegex(@"(?:\b[A-Za-z_$][\w$]*\s*\.\s*)?\b(?<call>(?:read|write|append|copy|rename|unlink|rm|mkdir|rmdir|readdir|stat|lstat|exists|access|open|realpath|readlink|chmod|chown|truncate)(?:File)?Sync)\s*\(")]
    private static partial Regex SyncFsCall();

    [GeneratedRegex(@"^\s*(?:req|request)\b\s*(?::[^,]*)?,\s*(?:res|response|reply)\b")]
    private static partial Regex HandlerParameters();

    [GeneratedRegex(@"\bJSON\s*\.\s*parse\s*\(\s*JSON\s*\.\s*stringify\s*\(")]
    private static partial Regex JsonDeepClone();

    public static IEnumerable<PerformanceHit> AwaitInLoop(LexicalSource source)
    {
        var layout = source.Layout(JavaScriptLayout.Read);
        foreach (Match match in Await().Matches(source.Code))
        {
            // `for await (const x of stream)` is the loop itself, consuming an async iterator as intended.
            if (ForBefore().IsMatch(source.Code[Math.Max(0, match.Index - 20)..match.Index])
                || layout.LoopAt(match.Index) is null)
            {
                continue;
            }

            var construct = source.CodeToEndOfLine(match.Index).TrimEnd(';');
            yield return Hit(source, layout, match.Index, construct,
                $"'{construct}' in a loop waits for each call to finish before starting the next.");
        }
    }

    public static IEnumerable<PerformanceHit> SyncFs(LexicalSource source)
    {
        var layout = source.Layout(JavaScriptLayout.Read);
        foreach (Match match in SyncFsCall().Matches(source.Code))
        {
            if (layout.FunctionAt(match.Index) is not { } function
                || !(function.IsAsync || HandlerParameters().IsMatch(function.Parameters)))
            {
                continue;
            }

            var call = match.Value.TrimEnd('(', ' ');
            var where = function.IsAsync ? "an async function" : "a request handler";
            yield return Hit(source, layout, match.Index, call,
                $"'{call}(…)' blocks the event loop inside {where}, stalling every other request meanwhile.");
        }
    }

    public static IEnumerable<PerformanceHit> JsonClone(LexicalSource source)
    {
        var layout = source.Layout(JavaScriptLayout.Read);
        foreach (Match match in JsonDeepClone().Matches(source.Code))
        {
            yield return Hit(source, layout, match.Index, source.CodeToEndOfLine(match.Index),
                "'JSON.parse(JSON.stringify(…))' serialises the whole object to text and parses it back to copy it.");
        }
    }

    private static PerformanceHit Hit(LexicalSource source, JavaScriptLayout layout, int offset, string construct, string message) =>
        new(offset, layout.FunctionAt(offset)?.Name ?? "", construct, message);
}
