namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Pairs the fingerprints of all files: every hash kept in more than one place yields a seed from its first place
/// (in path, then token order) to each other place. Pairing each place with the first only keeps the number of
/// seeds linear in the number of places, however often a piece of code is repeated; every copy is still matched.
/// Seeds come back ordered by file pair and diagonal, so a file is loaded once for all its partners and seeds
/// inside an already extended match are skipped.
/// </summary>
internal static class CloneSeeds
{
    /// <param name="files">In path order: the index of a file is its number in the seeds.</param>
    public static CloneSeed[] Pair(IReadOnlyList<CloneFingerprints> files, CancellationToken cancellationToken)
    {
        var places = new (ulong Hash, int File, int Token)[files.Sum(f => f.Marks.Length)];
        var next = 0;
        for (var file = 0; file < files.Count; file++)
        {
            foreach (var mark in files[file].Marks)
            {
                places[next++] = (mark.Hash, file, mark.Token);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        Array.Sort(places);

        var seeds = new List<CloneSeed>();
        for (var start = 0; start < places.Length;)
        {
            var end = start + 1;
            while (end < places.Length && places[end].Hash == places[start].Hash)
            {
                end++;
            }

            var first = places[start];
            for (var other = start + 1; other < end; other++)
            {
                seeds.Add(new CloneSeed(first.File, first.Token, places[other].File, places[other].Token));
            }

            start = end;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var ordered = seeds.ToArray();
        Array.Sort(ordered);
        return ordered;
    }
}

/// <summary>Token <see cref="TokenA"/> of file <see cref="A"/> starts the same hashed tokens as <see cref="TokenB"/> of <see cref="B"/>.</summary>
/// <remarks>Ordered by files, then diagonal (how far apart the two places are), then position.</remarks>
internal readonly record struct CloneSeed(int A, int TokenA, int B, int TokenB) : IComparable<CloneSeed>
{
    public int Diagonal => TokenB - TokenA;

    public int CompareTo(CloneSeed other)
    {
        var order = A.CompareTo(other.A);
        order = order != 0 ? order : B.CompareTo(other.B);
        order = order != 0 ? order : Diagonal.CompareTo(other.Diagonal);
        return order != 0 ? order : TokenA.CompareTo(other.TokenA);
    }
}
