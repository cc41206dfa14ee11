using System.Text;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Sarif;

/// <summary>The run's rules: one per distinct finding rule, sorted by id, and each rule's index for results.</summary>
internal sealed class SarifRules
{
    private readonly Dictionary<string, int> _indexById;

    private SarifRules(IReadOnlyList<SarifReportingDescriptor> descriptors)
    {
        Descriptors = descriptors;
        _indexById = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<SarifReportingDescriptor> Descriptors { get; }

    public int IndexOf(string ruleId) => _indexById[ruleId];

    public static SarifRules Collect(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string>? descriptions)
    {
        var descriptors = findings
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Describe(g.Key, g.ToList(), descriptions))
            .ToList();
        return new SarifRules(descriptors);
    }

    private static SarifReportingDescriptor Describe(string ruleId, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string>? descriptions)
    {
        // A rule's findings normally share a severity; after the ConflictResolver raised some, the rule's default
        // is the most severe, so the level shown for the rule never understates one of its results.
        var severity = findings.Max(f => f.Severity);
        var categories = findings.Select(f => f.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (categories.Any(SarifSeverity.SecurityCategories.Contains))
        {
            // GitHub files a rule under security alerts when "security" is among its tags.
            if (!categories.Contains("security"))
            {
                categories.Add("security");
            }

            properties["security-severity"] = SarifSeverity.SecurityScore(severity);
        }

        properties["tags"] = categories;

        var registered = descriptions is not null && descriptions.TryGetValue(ruleId, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;
        var shortText = registered is null ? findings[0].Message : FirstSentence(registered);

        return new SarifReportingDescriptor
        {
            Id = ruleId,
            Name = PascalName(ruleId),
            ShortDescription = new SarifMultiformatMessage(shortText),
            FullDescription = registered is not null && registered != shortText ? new SarifMultiformatMessage(registered) : null,
            DefaultConfiguration = new SarifConfiguration(SarifSeverity.Level(severity)),
            Properties = properties,
        };
    }

    /// <summary>SARIF wants a short description to be one sentence; a registry entry may hold a paragraph.</summary>
    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>
    /// SARIF's <c>name</c> is an identifier-like, readable name ("AwsAccessKeyId"); our ids are paths of
    /// kebab-case words (<c>secret/aws-access-key-id</c>), so the words become PascalCase.
    /// </summary>
    internal static string PascalName(string ruleId)
    {
        var name = new StringBuilder(ruleId.Length);
        var upperNext = true;
        foreach (var c in ruleId)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            name.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return name.Length > 0 ? name.ToString() : ruleId;
    }
}
