using System.Globalization;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Analysis.Issues;
using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 2 of an <c>issue_respond</c> task: categorises the issue with a severity, detects its language, links the
/// repository findings it is about (when a repository was given and analysed in layer 1) and drafts the answer in
/// the requested language or the issue's own. With an AI provider the answer is written by it, from our analysis and
/// the issue passed as data; otherwise, and whenever the provider fails, by the phrase book. The report says which.
/// Suppressed findings are not linked.
/// </summary>
/// <param name="checkouts">Where the repository's suppression file is; optional so the agent also builds without DI.</param>
public sealed class IssueResponderAgent(IAgentCompletions completions, IRepositoryCheckouts? checkouts = null) : IAgent
{
    public const string AgentName = "IssueResponder";

    public const string Capability = "issue";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 2,
        Description = "Categorises an issue (bug, feature, question, documentation, security) with a severity, detects its language "
            + "(English, Spanish, French, German, Chinese, Japanese), links the repository findings it is about and drafts the answer.",
        Capabilities = [Capability],
        ReadsRepository = false,
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Work.Options;
        if (options.Issue is not { } input)
        {
            return AgentResult.Empty("no issue to answer");
        }

        var issue = new IssueText(input.Title, input.Body, input.Labels);
        var analysis = IssueCategoriser.Default.Categorise(issue);
        var request = new ResponseRequest(
            IssueLanguageNames.ParseOption(options.Language),
            ResponseOptionNames.ParseMode(options.Mode),
            ResponseOptionNames.ParseDepth(options.Depth ?? "detailed"),
            []);
        var detected = context.Inputs.Where(r => r.Layer == 1).SelectMany(r => r.Findings).ToList();
        var (live, _) = await LiveFindings.SelectAsync(detected, await RepositoryDirectory.OfAsync(context, checkouts, cancellationToken), cancellationToken);
        var related = RelatedFindingSelector.Select(issue, analysis.Category, live, limit: 50);
        request = request with { Findings = [.. related.Select(f => new RelatedFinding(f.Rule, f.File, f.Line, f.Message))] };

        var draft = IssueResponseDrafter.Draft(analysis, request);
        var completion = await completions.AskAsync(context, IssueResponsePrompt.For(issue, analysis, draft), cancellationToken);
        var text = completion.ByAi ? completion.Content!.Trim() : draft.Text;

        var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["category"] = [analysis.Category.ToString().ToLowerInvariant()],
            ["severity"] = [analysis.Severity.ToString().ToLowerInvariant()],
            ["issue_language"] = [IssueLanguageNames.OptionName(analysis.Language.Language)],
            ["language_method"] = [analysis.Language.Reason],
            ["response_language"] = [IssueLanguageNames.OptionName(draft.Language)],
            ["response_language_reason"] = [draft.LanguageReason],
            ["related_findings"] = [.. related.Select(f => f.Id)],
            ["response"] = [text],
            ["response_written_by"] = [completion.ByAi ? $"ai: {completion.Use.Provider} {completion.Use.Model}" : $"rules: {completion.Use.Reason}"],
        };
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["language_confidence"] = Math.Round(analysis.Language.Confidence, 3),
            ["related_findings"] = related.Count,
            ["findings_considered"] = live.Count,
        };
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{analysis.Category.ToString().ToLowerInvariant()} ({analysis.Severity.ToString().ToLowerInvariant()}), written in {IssueLanguageNames.OptionName(analysis.Language.Language)}; answered in {IssueLanguageNames.OptionName(draft.Language)} ({draft.LanguageReason}) with {related.Count} related findings.");
        return new AgentResult([], metrics, summary, facts, completion.Use);
    }
}
