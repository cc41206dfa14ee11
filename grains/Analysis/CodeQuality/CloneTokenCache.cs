namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// The last few files read again in the final pass, so a file paired with several others is not read for each,
/// while memory holds a bounded number of files' tokens. A reading that does not match the file's fingerprints
/// (the file changed, or vanished) is remembered as missing.
/// </summary>
internal sealed class CloneTokenCache(IReadOnlyList<CloneFingerprints> files, CloneTokenLoader load, int capacity)
{
    private readonly Dictionary<int, CloneTokens?> _loaded = [];
    private readonly LinkedList<int> _recent = new();
    private readonly HashSet<int> _missing = [];

    public async ValueTask<CloneTokens?> GetAsync(int file, CancellationToken cancellationToken)
    {
        if (_missing.Contains(file))
        {
            return null;
        }

        if (_loaded.TryGetValue(file, out var tokens))
        {
            _recent.Remove(file);
            _recent.AddFirst(file);
            return tokens;
        }

        tokens = await load(files[file], cancellationToken);
        if (tokens is null || !files[file].Matches(tokens))
        {
            _missing.Add(file);
            return null;
        }

        _loaded[file] = tokens;
        _recent.AddFirst(file);
        if (_recent.Count > capacity)
        {
            _loaded.Remove(_recent.Last!.Value);
            _recent.RemoveLast();
        }

        return tokens;
    }
}
