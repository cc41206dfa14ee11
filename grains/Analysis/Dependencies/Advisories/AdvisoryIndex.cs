namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Advisories by the packages they affect. Withdrawn advisories are dropped on the way in.</summary>
public sealed class AdvisoryIndex
{
    private readonly Dictionary<PackageKey, List<OsvAdvisory>> _byPackage = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly int? _read;

    public AdvisoryIndex(IEnumerable<OsvAdvisory> advisories, int unreadable = 0)
    {
        Unreadable = unreadable;
        foreach (var advisory in advisories)
        {
            Add(advisory);
        }
    }

    public static AdvisoryIndex Empty { get; } = new([]);

    /// <summary>Distinct advisories held, withdrawn ones excluded.</summary>
    public int Count => _ids.Count;

    /// <summary>
    /// Records the source read, including those for packages not asked about (a directory reads them all); defaults
    /// to <see cref="Count"/>.
    /// </summary>
    public int Read
    {
        get => _read ?? Count;
        init => _read = value;
    }

    /// <summary>Records that could not be read (not JSON, no id, unreachable).</summary>
    public int Unreadable { get; }

    public IReadOnlyList<OsvAdvisory> For(PackageKey package) =>
        _byPackage.TryGetValue(package, out var found) ? found : [];

    /// <summary>Both indexes in one; an advisory both hold (same id) is kept once.</summary>
    public AdvisoryIndex Merge(AdvisoryIndex other) =>
        new(All().Concat(other.All()), Unreadable + other.Unreadable) { Read = Read + other.Read };

    private IEnumerable<OsvAdvisory> All() => _byPackage.Values.SelectMany(list => list).DistinctBy(a => a.Id);

    private void Add(OsvAdvisory advisory)
    {
        if (advisory.Withdrawn || !_ids.Add(advisory.Id))
        {
            return;
        }

        foreach (var package in advisory.Affected.Select(a => a.Package).OfType<PackageKey>().Distinct())
        {
            if (!_byPackage.TryGetValue(package, out var list))
            {
                _byPackage[package] = list = [];
            }

            list.Add(advisory);
        }
    }
}
