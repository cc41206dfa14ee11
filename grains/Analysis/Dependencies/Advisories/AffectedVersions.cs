namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Evaluates OSV <c>affected</c> entries the way the OSV schema specifies: a version is affected when it is listed in
/// <c>versions</c> or falls in any range; within a range, events are sorted by version ("0" first) and the last event
/// at or below the version decides (introduced opens, fixed and last_affected close).
/// </summary>
public static class AffectedVersions
{
    public static VersionMatch Match(OsvAffected affected, Ecosystem ecosystem, string version)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var comparer = VersionComparers.For(ecosystem);
        string? firstFixed = null;
        var isAffected = false;
        foreach (var range in affected.Ranges)
        {
            // GIT ranges name commits, which a manifest version cannot be placed among.
            var rangeComparer = range.Type switch
            {
                OsvRangeType.Semver => SemanticVersionComparer.Instance,
                OsvRangeType.Ecosystem => comparer,
                _ => null,
            };
            if (rangeComparer is null || !rangeComparer.IsValid(version))
            {
                continue;
            }

            if (InRange(range, version, rangeComparer) is { } fix)
            {
                isAffected = true;
                firstFixed = Lowest(firstFixed, fix, rangeComparer);
            }
        }

        if (!isAffected && affected.Versions.Any(listed => SameVersion(listed, version, comparer)))
        {
            isAffected = true;
        }

        return isAffected ? new VersionMatch(true, firstFixed) : VersionMatch.NotAffected;
    }

    /// <summary>Null when the version is outside the range; else the fix that closes it ("" when none is known).</summary>
    private static string? InRange(OsvRange range, string version, IVersionComparer comparer)
    {
        // An event we cannot order makes the whole range unreadable; guessing would invent or hide findings.
        if (range.Events.Any(e => !IsZero(e) && !comparer.IsValid(e.Version)))
        {
            return null;
        }

        var events = range.Events
            .Where(e => e.Kind != OsvEventKind.Limit)
            .OrderBy(e => e, new EventOrder(comparer))
            .ToList();
        var affected = false;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case OsvEventKind.Introduced when IsZero(e) || comparer.Compare(version, e.Version) >= 0:
                    affected = true;
                    break;
                case OsvEventKind.Fixed when comparer.Compare(version, e.Version) >= 0:
                case OsvEventKind.LastAffected when comparer.Compare(version, e.Version) > 0:
                    affected = false;
                    break;
            }
        }

        if (!affected)
        {
            return null;
        }

        var limits = range.Events.Where(e => e.Kind == OsvEventKind.Limit && !IsZero(e)).ToList();
        if (limits.Count > 0 && limits.All(l => comparer.Compare(version, l.Version) >= 0))
        {
            return null;
        }

        return events
            .Where(e => e.Kind == OsvEventKind.Fixed && comparer.Compare(e.Version, version) > 0)
            .Select(e => e.Version)
            .FirstOrDefault() ?? "";
    }

    private static string? Lowest(string? current, string candidate, IVersionComparer comparer)
    {
        if (candidate.Length == 0)
        {
            return current;
        }

        return current is null || comparer.Compare(candidate, current) < 0 ? candidate : current;
    }

    private static bool SameVersion(string listed, string version, IVersionComparer comparer) =>
        string.Equals(listed, version, StringComparison.Ordinal)
        || (comparer.IsValid(listed) && comparer.IsValid(version) && comparer.Compare(listed, version) == 0);

    private static bool IsZero(OsvEvent e) => e.Kind == OsvEventKind.Introduced && e.Version == "0";

    /// <summary>By version, "introduced: 0" first; at equal versions an opening event sorts before a closing one.</summary>
    private sealed class EventOrder(IVersionComparer comparer) : IComparer<OsvEvent>
    {
        public int Compare(OsvEvent? x, OsvEvent? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var order = (IsZero(x), IsZero(y)) switch
            {
                (true, true) => 0,
                (true, false) => -1,
                (false, true) => 1,
                _ => comparer.Compare(x.Version, y.Version),
            };
            return order != 0 ? order : (x.Kind == OsvEventKind.Introduced ? 0 : 1) - (y.Kind == OsvEventKind.Introduced ? 0 : 1);
        }
    }
}
