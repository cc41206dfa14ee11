using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>Notable items published on the fetched pages, one finding each: contact details and IP addresses.</summary>
public static class OsintFindings
{
    public const string AgentName = "Osint";

    public const string Category = "osint";

    public static IReadOnlyList<Finding> Create(OsintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<Finding>();
        void Add(string rule, string value, string message)
        {
            var page = report.FirstSeen.GetValueOrDefault(value);
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(rule, page, value),
                Agent = AgentName,
                Sources = [AgentName],
                Rule = rule,
                Severity = Severity.Info,
                Category = Category,
                File = page,
                Message = message,
                Evidence = value,
            });
        }

        foreach (var email in report.Entities.Emails)
        {
            Add("osint.email-address", email, $"Email address {email} is published on {report.FirstSeen.GetValueOrDefault(email)}.");
        }

        foreach (var phone in report.Entities.Phones)
        {
            Add("osint.phone-number", phone, $"Phone number {phone} is published on {report.FirstSeen.GetValueOrDefault(phone)}.");
        }

        foreach (var ip in report.Entities.IPv4.Concat(report.Entities.IPv6))
        {
            var kind = AddressPolicy.Classify(System.Net.IPAddress.Parse(ip));
            var what = kind == AddressKind.Public ? "IP address" : $"{kind.ToString().ToLowerInvariant()} IP address";
            Add("osint.ip-address", ip, $"{char.ToUpperInvariant(what[0])}{what[1..]} {ip} is exposed on {report.FirstSeen.GetValueOrDefault(ip)}.");
        }

        return findings;
    }
}
