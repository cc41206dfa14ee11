namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// The final, cross-file pass of copy detection. From the seeds (<see cref="CloneSeeds"/>) it reads the two files
/// of each pair again, grows every seed into the longest stretch of equal normalised tokens around it (maximal
/// extension), and keeps matches of at least <c>minTokens</c> tokens spanning at least <c>minLines</c> lines on
/// both sides. A stretch may not overlap its copy in the same file. Runs of one short piece repeated (sixty
/// <c>lines.append(…)</c> calls, a table of similar rows, a list of strings) are similar statements, not a copied
/// program, so beyond their first piece they do not count towards the minimum. Each file's matched stretches whose lines
/// overlap are merged into one <see cref="DuplicateRegion"/> naming every place it was matched against.
/// Only a bounded number of files' tokens are held at a time.
/// </summary>
internal sealed class DuplicationFinder(int minTokens, int minLines)
{
    /// <summary>About 16 MB of tokens read again: many files' worth, few enough for a bounded final pass.</summary>
    private const int CachedTokens = 2_000_000;

    /// <summary>Three names in a row (<c>const item of items</c>) are not a repeated statement.</summary>
    private const int MinRepeatedPiece = 2;

    /// <summary>Longer than a statement or a table row usually is.</summary>
    private const int MaxRepeatedPiece = 64;

    public async Task<IReadOnlyList<DuplicateRegion>> FindAsync(
        IReadOnlyList<CloneFingerprints> files, CloneTokenLoader load, CancellationToken cancellationToken)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var seeds = CloneSeeds.Pair(ordered, cancellationToken);
        var matches = await MatchAsync(ordered, seeds, load, cancellationToken);
        return Regions(ordered, matches);
    }

    private async Task<List<(CloneSpan Left, CloneSpan Right)>> MatchAsync(
        CloneFingerprints[] files, CloneSeed[] seeds, CloneTokenLoader load, CancellationToken cancellationToken)
    {
        var cache = new CloneTokenCache(files, load, CachedTokens);
        var matches = new List<(CloneSpan, CloneSpan)>();
        CloneTokens? left = null, right = null;
        int pairA = -1, pairB = -1, lastDiagonal = 0, lastEnd = -1;
        foreach (var seed in seeds)
        {
            if (seed.A != pairA || seed.B != pairB)
            {
                cancellationToken.ThrowIfCancellationRequested();
                left = await cache.GetAsync(seed.A, cancellationToken);
                right = await cache.GetAsync(seed.B, cancellationToken);
                (pairA, pairB, lastEnd) = (seed.A, seed.B, -1);
            }

            if (left is null || right is null || seed.Diagonal == lastDiagonal && seed.TokenA < lastEnd)
            {
                continue;
            }

            var (start, length) = Extend(left, right, seed, sameFile: seed.A == seed.B);
            (lastDiagonal, lastEnd) = (seed.Diagonal, start + length);
            var match = (Span(seed.A, left, start, length), Span(seed.B, right, start + seed.Diagonal, length));
            if (length >= minTokens && match.Item1.Lines >= minLines && match.Item2.Lines >= minLines
                && DistinctiveLength(left.Ids, start, length) >= minTokens)
            {
                matches.Add(match);
            }
        }

        return matches;
    }

    /// <summary>Equal tokens before the seed, then forward as far as they stay equal (in one file, not into the copy).</summary>
    private static (int Start, int Length) Extend(CloneTokens left, CloneTokens right, CloneSeed seed, bool sameFile)
    {
        var a = left.Ids;
        var b = right.Ids;
        var start = seed.TokenA;
        var other = seed.TokenB;
        while (start > 0 && other > 0 && a[start - 1] == b[other - 1])
        {
            start--;
            other--;
        }

        var limit = Math.Min(a.Length - start, b.Length - other);
        if (sameFile)
        {
            limit = Math.Min(limit, other - start);
        }

        var length = 0;
        while (length < limit && a[start + length] == b[other + length])
        {
            length++;
        }

        return (start, length);
    }

    /// <summary>
    /// How many of tokens [start, start + length) are not mere repetition: wherever a piece of
    /// <see cref="MinRepeatedPiece"/> to <see cref="MaxRepeatedPiece"/> tokens comes three or more times in a row,
    /// only its first time counts.
    /// </summary>
    private static int DistinctiveLength(int[] ids, int start, int length)
    {
        var repeated = new bool[length];
        for (var period = MinRepeatedPiece; period <= Math.Min(MaxRepeatedPiece, length / 3); period++)
        {
            var run = 0;
            for (var i = 0; i + period < length; i++)
            {
                if (ids[start + i] == ids[start + i + period])
                {
                    run++;
                    continue;
                }

                MarkRepeats(repeated, i - run, run, period);
                run = 0;
            }

            MarkRepeats(repeated, length - period - run, run, period);
        }

        return length - repeated.Count(r => r);
    }

    /// <summary>Tokens [from, from + run + period) repeat with this period; all but the first piece are repeats.</summary>
    private static void MarkRepeats(bool[] repeated, int from, int run, int period)
    {
        if (run >= 2 * period)
        {
            Array.Fill(repeated, true, from + period, run);
        }
    }

    private static CloneSpan Span(int file, CloneTokens tokens, int start, int length) =>
        new(file, start, start + length, tokens.Lines[start], tokens.Lines[start + Math.Max(0, length - 1)]);

    private static List<DuplicateRegion> Regions(CloneFingerprints[] files, List<(CloneSpan Left, CloneSpan Right)> matches)
    {
        var regions = new List<DuplicateRegion>();
        var byFile = matches
            .SelectMany(m => new[] { (Own: m.Left, Other: m.Right), (Own: m.Right, Other: m.Left) })
            .GroupBy(s => s.Own.File)
            .OrderBy(g => g.Key);
        foreach (var file in byFile)
        {
            var spans = file.OrderBy(s => s.Own.FirstLine).ThenBy(s => s.Own.Start).ToList();
            var merged = spans[0].Own;
            var others = new List<CloneSpan> { spans[0].Other };
            foreach (var (own, other) in spans.Skip(1))
            {
                if (own.FirstLine <= merged.LastLine)
                {
                    merged = merged with
                    {
                        Start = Math.Min(merged.Start, own.Start),
                        End = Math.Max(merged.End, own.End),
                        LastLine = Math.Max(merged.LastLine, own.LastLine),
                    };
                    others.Add(other);
                    continue;
                }

                regions.Add(Region(files, merged, others));
                (merged, others) = (own, [other]);
            }

            regions.Add(Region(files, merged, others));
        }

        return regions;
    }

    private static DuplicateRegion Region(CloneFingerprints[] files, CloneSpan span, List<CloneSpan> others)
    {
        // A region matched against overlapping stretches of one file names their union once; a stretch inside the
        // region itself (merged in through a third place) is not another place, unless there is no other.
        var outside = others.Where(o => o.File != span.File || o.LastLine < span.FirstLine || o.FirstLine > span.LastLine).ToList();
        var locations = new List<DuplicateLocation>();
        foreach (var other in (outside.Count > 0 ? outside : others)
            .OrderBy(o => files[o.File].Path, StringComparer.Ordinal).ThenBy(o => o.FirstLine))
        {
            var path = files[other.File].Path;
            if (locations.Count > 0 && locations[^1] is var last && last.Path == path && other.FirstLine <= last.LastLine)
            {
                locations[^1] = last with { LastLine = Math.Max(last.LastLine, other.LastLine) };
            }
            else
            {
                locations.Add(new DuplicateLocation(path, other.FirstLine, other.LastLine));
            }
        }

        return new DuplicateRegion(files[span.File].Path, span, locations, Anchor(files[span.File], span));
    }

    /// <summary>The hashes winnowing kept inside the span: content, not position, so edits elsewhere leave it alone.</summary>
    private static string Anchor(CloneFingerprints file, CloneSpan span)
    {
        var hash = 14695981039346656037UL;
        var any = false;
        foreach (var mark in file.Marks)
        {
            if (mark.Token >= span.Start && mark.Token < span.End)
            {
                hash = (hash ^ mark.Hash) * 1099511628211UL;
                any = true;
            }
        }

        return any ? hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) : $"tokens:{span.Tokens}";
    }
}
