using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Analysis.Osint;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// What this cluster's configuration allows a submission to point at: which addresses an osint URL may name, and
/// where a forensics file_path may lie. <see cref="Strict"/> allows public addresses and no local files.
/// </summary>
public sealed record TaskSpecPolicy(AddressPolicy UrlAddresses, IReadOnlyList<string> FileRoots)
{
    public static TaskSpecPolicy Strict { get; } = new(AddressPolicy.PublicOnly, []);

    public static TaskSpecPolicy From(OsintOptions osint, ForensicsOptions forensics)
    {
        ArgumentNullException.ThrowIfNull(osint);
        ArgumentNullException.ThrowIfNull(forensics);
        return new(AddressPolicy.From(osint), [.. forensics.AllowedRoots]);
    }
}
