using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Sarif;

/// <summary>One finding as one SARIF result.</summary>
internal static class SarifResults
{
    public const string FingerprintKey = "amas/v1";

    public static SarifResult From(Finding finding, SarifRules rules)
    {
        var location = Locate(finding);
        return new SarifResult
        {
            RuleId = finding.Rule,
            RuleIndex = rules.IndexOf(finding.Rule),
            Level = SarifSeverity.Level(finding.Severity),
            Message = new SarifMessage(finding.Message),
            Locations = location is null ? null : [location],
            PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = finding.Id },
            Suppressions = finding.Suppression is { } suppression ? [Suppression(suppression)] : null,
            Properties = Properties(finding),
        };
    }

    private static SarifSuppression Suppression(FindingSuppression suppression)
    {
        var uri = RelativeUri(suppression.File);
        return new SarifSuppression
        {
            Kind = suppression.Kind == SuppressionKind.InSource ? "inSource" : "external",
            Justification = suppression.Reason,
            Location = uri is null ? null : new SarifLocation(new SarifPhysicalLocation
            {
                ArtifactLocation = new SarifArtifactLocation { Uri = uri, UriBaseId = SarifRunContext.SourceRoot },
                Region = suppression.Line is >= 1 and var line ? new SarifRegion { StartLine = line } : null,
            }),
        };
    }

    private static SarifLocation? Locate(Finding finding)
    {
        // OSINT findings are located on web pages: their absolute URL is the artifact, not a path under SRCROOT.
        var web = WebUri(finding.File);
        var uri = web ?? RelativeUri(finding.File);
        if (uri is null)
        {
            return null;
        }

        // Line and column are 1-based in both our findings and SARIF; anything else is not a usable position.
        SarifRegion? region = finding.Line is >= 1 and var line
            ? new SarifRegion
            {
                StartLine = line,
                StartColumn = finding.Column is >= 1 ? finding.Column : null,
                EndLine = finding.EndLine >= line ? finding.EndLine : null,
            }
            : null;

        return new SarifLocation(new SarifPhysicalLocation
        {
            ArtifactLocation = new SarifArtifactLocation { Uri = uri, UriBaseId = web is null ? SarifRunContext.SourceRoot : null },
            Region = region,
        });
    }

    internal static string? WebUri(string? file)
        => file is not null && Uri.TryCreate(file, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && file.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? uri.AbsoluteUri
            : null;

    /// <summary>
    /// A URI reference relative to <c>SRCROOT</c>: forward slashes, no leading slash or <c>./</c>, and each segment
    /// escaped, so a file named <c>my file#1.cs</c> stays one valid relative reference.
    /// </summary>
    internal static string? RelativeUri(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        var segments = file.Replace('\\', '/')
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .Select(Uri.EscapeDataString)
            .ToList();
        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    private static Dictionary<string, object> Properties(Finding finding)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["agent"] = finding.Agent,
            ["sources"] = finding.Sources.Count > 0 ? finding.Sources : [finding.Agent],
            ["severity"] = SarifSeverity.Name(finding.Severity),
            ["category"] = finding.Category,
        };

        if (finding.Evidence is not null)
        {
            properties["evidence"] = finding.Evidence;
        }

        if (finding.Resolution is { } resolution)
        {
            var resolved = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["severityRule"] = resolution.SeverityRule,
                ["reason"] = resolution.Reason,
                ["from"] = resolution.From.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["agent"] = r.Agent,
                    ["rule"] = r.Rule,
                    ["severity"] = SarifSeverity.Name(r.Severity),
                    ["id"] = r.Id,
                }).ToList(),
            };
            if (resolution.Concept is { } concept)
            {
                resolved["concept"] = concept;
            }

            properties["resolution"] = resolved;
        }

        // SARIF's fixes[] are exact replacements of regions; our fix is advice or a diff, so it goes here instead.
        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            properties["fix"] = finding.Fix;
        }

        return properties;
    }
}
