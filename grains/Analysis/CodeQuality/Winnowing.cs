namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Winnowing (Schleimer, Wilkerson, Aiken: "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003):
/// hash every run of <see cref="KgramLength"/> tokens with a rolling hash, then keep the smallest hash of every
/// <see cref="Window"/> consecutive runs. Any stretch of at least <c>KgramLength + Window − 1</c> equal tokens in
/// two files then shares at least one kept hash, at the same place in both, while only about
/// <c>2 / (Window + 1)</c> of the runs are kept. A run of fewer than <see cref="MinDistinctTokens"/> different tokens
/// (a table of <c>#define NAME 1</c> lines, a list of imports) is never kept: its sameness is structure, not a copy.
/// (Runs shorter than twice that need half their length different.)
/// </summary>
internal sealed class Winnowing
{
    public const int MinDistinctTokens = 8;

    private const ulong Base = 0x100000001B3UL;
    private const int Buckets = 1024;

    private readonly int _minDistinct;

    public Winnowing(int minTokens)
    {
        KgramLength = Math.Max(1, minTokens / 2);
        Window = minTokens - KgramLength + 1;
        _minDistinct = Math.Min(MinDistinctTokens, (KgramLength + 1) / 2);
    }

    public int KgramLength { get; }

    public int Window { get; }

    public CloneMark[] Select(CloneTokens tokens, CancellationToken cancellationToken)
    {
        var ids = tokens.Ids;
        var runs = ids.Length - KgramLength + 1;
        if (runs < Window)
        {
            return [];
        }

        var marks = new List<CloneMark>(2 * runs / (Window + 1) + 1);
        var hashes = new ulong[Window];
        var window = new Deque(Window);
        var counts = new int[Buckets];
        var distinct = 0;
        var power = 1UL;
        for (var i = 1; i < KgramLength; i++)
        {
            power *= Base;
        }

        ulong rolling = 0;
        var lastKept = -1;
        for (var i = 0; i < ids.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (i >= KgramLength)
            {
                var leaving = ids[i - KgramLength];
                rolling -= (ulong)(uint)leaving * power;
                if (--counts[leaving & (Buckets - 1)] == 0)
                {
                    distinct--;
                }
            }

            rolling = rolling * Base + (uint)ids[i];
            if (counts[ids[i] & (Buckets - 1)]++ == 0)
            {
                distinct++;
            }

            var run = i - KgramLength + 1;
            if (run < 0)
            {
                continue;
            }

            var hash = distinct >= _minDistinct ? Mix(rolling) : ulong.MaxValue;
            hashes[run % Window] = hash;
            window.PushRightmostMinimum(run, hash, hashes, Window);
            if (run >= Window - 1)
            {
                window.DropBefore(run - Window + 1);
                var chosen = window.Front;
                var chosenHash = hashes[chosen % Window];
                if (chosen != lastKept && chosenHash != ulong.MaxValue)
                {
                    marks.Add(new CloneMark(chosenHash, chosen));
                    lastKept = chosen;
                }
            }
        }

        return [.. marks];
    }

    /// <summary>A polynomial hash's low bits are weak; mixing spreads them so the minimum is a fair pick.</summary>
    private static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9UL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBUL;
        value ^= value >> 31;
        return value == ulong.MaxValue ? value - 1 : value;
    }

    /// <summary>
    /// Positions of the runs in the current window whose hash is smaller than every later one's: the front is the
    /// window's minimum (the rightmost one on ties, as winnowing asks).
    /// </summary>
    private sealed class Deque(int capacity)
    {
        private readonly int[] _items = new int[capacity + 1];
        private int _head;
        private int _count;

        public int Front => _items[_head];

        public void PushRightmostMinimum(int position, ulong hash, ulong[] hashes, int window)
        {
            while (_count > 0 && hashes[Back % window] >= hash)
            {
                _count--;
            }

            _items[(_head + _count) % _items.Length] = position;
            _count++;
        }

        public void DropBefore(int position)
        {
            while (_count > 0 && _items[_head] < position)
            {
                _head = (_head + 1) % _items.Length;
                _count--;
            }
        }

        private int Back => _items[(_head + _count - 1) % _items.Length];
    }
}
