namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// The files most recently read again in the final pass, up to a budget of tokens (8 bytes each), so a file paired
/// with several others is not read for each while memory stays bounded. A reading that does not match the file's
/// fingerprints (the file changed, or vanished) is remembered as missing.
/// </summary>
internal sealed class CloneTokenCache(IReadOnlyList<CloneFingerprints> files, CloneTokenLoader load, int maxTokens)
{
    private readonly Dictionary<int, CloneTokens> _loaded = [];
    private readonly LinkedList<int> _recent = new();
    private readonly HashSet<int> _missing = [];
    private long _tokens;

    public async ValueTask<CloneTokens?> GetAsync(int file, CancellationToken cancellationToken)
    {
        if (_missing.Contains(file))
        {
            return null;
        }

        if (_loaded.TryGetValue(file, out var cached))
        {
            _recent.Remove(file);
            _recent.AddFirst(file);
            return cached;
        }

        var tokens = await load(files[file], cancellationToken);
        if (tokens is null || !files[file].Matches(tokens))
        {
            _missing.Add(file);
            return null;
        }

        _loaded[file] = tokens;
        _recent.AddFirst(file);
        _tokens += tokens.Count;

        // The two most recent are the pair being compared; they stay whatever their size.
        while (_tokens > maxTokens && _recent.Count > 2)
        {
            var oldest = _recent.Last!.Value;
            _tokens -= _loaded[oldest].Count;
            _loaded.Remove(oldest);
            _recent.RemoveLast();
        }

        return tokens;
    }
}
