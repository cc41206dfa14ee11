using System.Text.Json;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Reads OSV records (https://ossf.github.io/osv-schema/). Tolerant where the schema is optional: unknown fields,
/// missing summaries and unknown range types are ignored; only a record without an id is rejected.
/// </summary>
public static class OsvParser
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="OsvFormatException">The JSON is not an OSV record.</exception>
    public static OsvAdvisory Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        return Parse(document.RootElement);
    }

    public static OsvAdvisory Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || String(root, "id") is not { Length: > 0 } id)
        {
            throw new OsvFormatException("An OSV record needs a string \"id\".");
        }

        var affected = Array(root, "affected").Select(ParseAffected).ToList();
        var (severity, score) = DeriveSeverity(root);
        return new OsvAdvisory(
            id,
            Array(root, "aliases").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            String(root, "summary") ?? "",
            String(root, "details") ?? "",
            severity,
            score,
            Withdrawn: root.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.ValueKind == JsonValueKind.String,
            affected);
    }

    private static OsvAffected ParseAffected(JsonElement entry)
    {
        var package = entry.TryGetProperty("package", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var ecosystemName = package.ValueKind == JsonValueKind.Object ? String(package, "ecosystem") : null;
        var name = package.ValueKind == JsonValueKind.Object ? String(package, "name") ?? "" : "";
        Ecosystem? ecosystem = EcosystemNames.TryParseOsv(ecosystemName, out var known) ? known : null;
        var ranges = new List<OsvRange>();
        foreach (var range in Array(entry, "ranges"))
        {
            OsvRangeType? type = String(range, "type") switch
            {
                "SEMVER" => OsvRangeType.Semver,
                "ECOSYSTEM" => OsvRangeType.Ecosystem,
                "GIT" => OsvRangeType.Git,
                _ => null,
            };
            if (type is not null)
            {
                ranges.Add(new OsvRange(type.Value, Array(range, "events").SelectMany(ParseEvent).ToList()));
            }
        }

        var versions = Array(entry, "versions")
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!)
            .ToList();
        return new OsvAffected(ecosystem, name, ranges, versions);
    }

    private static IEnumerable<OsvEvent> ParseEvent(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var (key, kind) in EventKinds)
        {
            if (String(e, key) is { } version)
            {
                yield return new OsvEvent(kind, version);
            }
        }
    }

    private static readonly (string Key, OsvEventKind Kind)[] EventKinds =
    [
        ("introduced", OsvEventKind.Introduced),
        ("fixed", OsvEventKind.Fixed),
        ("last_affected", OsvEventKind.LastAffected),
        ("limit", OsvEventKind.Limit),
    ];

    /// <summary>
    /// A computed CVSS score wins (it is what the vector says); else the database's label (GitHub puts
    /// "severity": "HIGH" in database_specific); else Medium, because an advisory of unknown weight is still one.
    /// </summary>
    private static (Severity Severity, double? Score) DeriveSeverity(JsonElement root)
    {
        var entries = Array(root, "severity")
            .Concat(Array(root, "affected").SelectMany(a => Array(a, "severity")));
        var scores = entries
            .Select(s => CvssScore.FromVector(String(s, "score")))
            .Where(s => s is not null)
            .Select(s => s!.Value)
            .ToList();
        if (scores.Count > 0)
        {
            var highest = scores.Max();
            return (AdvisorySeverity.FromScore(highest), highest);
        }

        var labels = new[] { Object(root, "database_specific") }
            .Concat(Array(root, "affected").Select(a => Object(a, "database_specific")))
            .Concat(Array(root, "affected").Select(a => Object(a, "ecosystem_specific")))
            .Select(o => o is { } obj ? AdvisorySeverity.FromLabel(String(obj, "severity")) : null)
            .Concat(entries.Where(s => String(s, "type") == "Ubuntu").Select(s => AdvisorySeverity.FromLabel(String(s, "score"))))
            .Where(s => s is not null)
            .ToList();
        return (labels.Count > 0 ? labels.Max()!.Value : Severity.Medium, null);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : [];
}
