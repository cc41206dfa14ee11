using System.Text;
using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Findings;
using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Asks an AI provider for a patch to a file whose findings no rule can rewrite (aggressive mode only). The file and
/// its findings go to the provider as data; the answer is kept only when it is a diff of that file alone that applies
/// cleanly to a scratch copy, and it is then re-written from the patched text, so what goes on is a diff this code
/// produced. The QualityValidator still has to accept it.
/// </summary>
internal sealed class AiPatchProposer(IAgentCompletions completions, GitCli git)
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 32 * 1024;

    private const string Instruction =
        "Fix the findings listed in the data block named 'findings' in the file given in the other data block. Answer "
        + "with one unified diff of that file only (lines '--- a/<path>', '+++ b/<path>', then @@ hunks with exact "
        + "context lines), and nothing else. Change only what the findings require.";

    /// <summary>Patches proposed by AI, and the provider use of the last answer (null when no request was made).</summary>
    public async Task<(IReadOnlyList<FixPatch> Patches, AgentAiUse? Use, int Refused)> ProposeAsync(
        AgentContext context, RepositoryCheckout checkout, IEnumerable<Finding> findings, CancellationToken cancellationToken)
    {
        var files = checkout.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var patches = new List<FixPatch>();
        AgentAiUse? use = null;
        var refused = 0;
        foreach (var group in findings.Where(f => f.File is not null).GroupBy(f => f.File!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(f => f.Severity)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxFiles))
        {
            if (!files.TryGetValue(group.Key, out var file) || file.Length > MaxFileBytes)
            {
                continue;
            }

            var original = await File.ReadAllTextAsync(file.FullPath, cancellationToken).ConfigureAwait(false);
            var listed = new StringBuilder();
            foreach (var finding in group)
            {
                listed.Append(finding.Rule).Append(" line ").Append(finding.Line).Append(": ").AppendLine(finding.Message);
            }

            var answer = await completions.AskAsync(context, new AgentCompletionRequest
            {
                Instruction = Instruction,
                Data = [new DataDocument(group.Key, original), new DataDocument("findings", listed.ToString())],
                Temperature = 0,
            }, cancellationToken).ConfigureAwait(false);
            use = answer.Use;
            if (!answer.ByAi)
            {
                // No provider, or none answered: the rest would be refused alike.
                break;
            }

            if (await PatchedTextAsync(checkout, group.Key, answer.Content!, cancellationToken).ConfigureAwait(false) is not { } patched
                || UnifiedDiff.Create(group.Key, original, patched) is not { Length: > 0 } diff)
            {
                refused++;
                continue;
            }

            patches.Add(new FixPatch
            {
                File = group.Key,
                FindingIds = group.Select(f => f.Id).ToArray(),
                Rules = group.Select(f => f.Rule).ToArray(),
                Origin = FixOrigin.Ai,
                Diff = diff,
                Summary = $"AI-proposed patch for {group.Count()} finding(s)",
            });
        }

        return (patches, use, refused);
    }

    /// <summary>The file after the answer's diff, or null when the answer is not a clean diff of exactly that file.</summary>
    private async Task<string?> PatchedTextAsync(RepositoryCheckout checkout, string path, string answer, CancellationToken cancellationToken)
    {
        var diff = ExtractDiff(answer, path);
        if (diff is null)
        {
            return null;
        }

        using var scratch = ScratchCopy.Of(checkout, [path]);
        if (await scratch.ApplyAsync(git, diff, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var patched = scratch.PathOf(path);
        return File.Exists(patched) ? await File.ReadAllTextAsync(patched, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The diff inside an answer (code fences dropped), when every file header in it names <paramref name="path"/>.</summary>
    internal static string? ExtractDiff(string answer, string path)
    {
        var lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.StartsWith("```", StringComparison.Ordinal))
            .ToList();
        var start = lines.FindIndex(l => l.StartsWith("--- ", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        // The diff ends at the first line that is not part of one (prose after it, a second file's git header, a mode
        // change): what follows is never passed on, so only content changes of this one file can be applied.
        var body = lines.Skip(start)
            .TakeWhile(l => l.Length == 0 || l[0] is ' ' or '+' or '-' or '\\' || l.StartsWith("@@ ", StringComparison.Ordinal))
            .ToList();
        var headers = body.Where(l => l.StartsWith("--- ", StringComparison.Ordinal) || l.StartsWith("+++ ", StringComparison.Ordinal)).ToList();
        if (headers.Count != 2 || !headers.All(h => h[4..].Trim() is var named && (named == $"a/{path}" || named == $"b/{path}")))
        {
            return null;
        }

        // Models often drop the space that marks an empty context line.
        var text = string.Join('\n', body).TrimEnd('\n').Replace("\n\n", "\n \n", StringComparison.Ordinal).Replace("\n\n", "\n \n", StringComparison.Ordinal) + "\n";
        return $"diff --git a/{path} b/{path}\n" + text;
    }
}
