namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Categorises an issue and rates its severity from its labels, title and body.
/// <list type="number">
/// <item>Labels first: a category label adds <see cref="IssueLabels.Weight"/>; a severity label sets the severity.</item>
/// <item>Lexicon phrases of the detected language and of English (issues in any language quote English terms; all six
/// lexicons when the language is unknown) add their weight, doubled in the title. Each phrase counts once.</item>
/// <item>A question mark adds 1 to <see cref="IssueCategory.Question"/>.</item>
/// <item>The highest score wins, ties broken by <see cref="IssueCategory"/> order; nothing matched → Question, the
/// category that asks the reporter for more.</item>
/// <item>Severity without a label: a base per category (security high, bug medium, others low), raised to the highest
/// floor of any severity phrase found — security words raise it whatever the category.</item>
/// </list>
/// Every step is returned as an <see cref="IssueCue"/>, so the answer can be explained and audited.
/// </summary>
public sealed class IssueCategoriser(LanguageDetector detector)
{
    public static IssueCategoriser Default { get; } = new(LanguageDetector.Default);

    public IssueCategorisation Categorise(IssueText issue, LanguageGuess? language = null)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var title = issue.Title ?? string.Empty;
        var body = issue.Body ?? string.Empty;
        language ??= detector.Detect(title + "\n" + body);

        var cues = new List<IssueCue>();
        var scores = Enum.GetValues<IssueCategory>().ToDictionary(c => c, _ => 0);
        IssueSeverity? labelSeverity = null;
        foreach (var label in issue.Labels ?? [])
        {
            if (IssueLabels.CategoryOf(label) is { } category)
            {
                scores[category] += IssueLabels.Weight;
                cues.Add(new IssueCue("label", IssueLabels.Normalise(label), IssueLanguage.Unknown, category, IssueLabels.Weight, null));
            }

            if (IssueLabels.SeverityOf(label) is { } severity && (labelSeverity is null || severity > labelSeverity))
            {
                labelSeverity = severity;
                cues.Add(new IssueCue("label", IssueLabels.Normalise(label), IssueLanguage.Unknown, null, 0, severity));
            }
        }

        var lexicons = LexiconsFor(language.Language);
        var neutral = lexicons.SelectMany(l => l.Neutral).ToList();
        var fields = new (string Name, string Text, int Multiplier)[]
        {
            ("title", PhraseMatcher.Blank(title.ToLowerInvariant(), neutral), 2),
            ("body", PhraseMatcher.Blank(body.ToLowerInvariant(), neutral), 1),
        };

        var severityFloor = (IssueSeverity?)null;
        foreach (var lexicon in lexicons)
        {
            foreach (var cue in lexicon.Categories)
            {
                if (fields.FirstOrDefault(f => PhraseMatcher.Occurs(f.Text, cue.Phrase)) is { Name: not null } field)
                {
                    var weight = cue.Weight * field.Multiplier;
                    scores[cue.Category] += weight;
                    cues.Add(new IssueCue(field.Name, cue.Phrase, lexicon.Language, cue.Category, weight, null));
                }
            }

            foreach (var cue in lexicon.Severities)
            {
                if (fields.FirstOrDefault(f => PhraseMatcher.Occurs(f.Text, cue.Phrase)) is { Name: not null } field)
                {
                    cues.Add(new IssueCue(field.Name, cue.Phrase, lexicon.Language, null, 0, cue.Floor));
                    severityFloor = severityFloor is null || cue.Floor > severityFloor ? cue.Floor : severityFloor;
                }
            }
        }

        if (title.Contains('?') || title.Contains('？') || body.Contains('?') || body.Contains('？'))
        {
            scores[IssueCategory.Question] += 1;
            cues.Add(new IssueCue(title.Contains('?') || title.Contains('？') ? "title" : "body", "?", IssueLanguage.Unknown, IssueCategory.Question, 1, null));
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).First();
        var chosen = best.Value > 0 ? best.Key : IssueCategory.Question;
        var (severityValue, reason) = Severity(chosen, labelSeverity, severityFloor);
        return new IssueCategorisation(chosen, severityValue, language, cues, scores, reason);
    }

    private static (IssueSeverity, string) Severity(IssueCategory category, IssueSeverity? label, IssueSeverity? floor)
    {
        if (label is { } fromLabel)
        {
            return (fromLabel, "severity label");
        }

        var baseline = category switch
        {
            IssueCategory.Security => IssueSeverity.High,
            IssueCategory.Bug => IssueSeverity.Medium,
            _ => IssueSeverity.Low,
        };
        return floor is { } raised && raised > baseline
            ? (raised, $"raised from {baseline.ToString().ToLowerInvariant()} by a severity phrase")
            : (baseline, $"baseline for {category.ToString().ToLowerInvariant()}");
    }

    private static IReadOnlyList<IssueLexicon> LexiconsFor(IssueLanguage language) => language switch
    {
        IssueLanguage.Unknown => IssueLexicons.All,
        IssueLanguage.English => [IssueLexicons.English],
        _ => [IssueLexicons.For(language), IssueLexicons.English],
    };
}
