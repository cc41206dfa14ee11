using Amas.Orleans.Analysis.CodeQuality;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class WinnowingTests
{
    private static CloneTokens Tokens(int[] ids) => new(ids, new int[ids.Length]);

    private static int[] RandomIds(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.Next(16, 80)).ToArray();

    [Theory]
    [InlineData(10)]
    [InlineData(70)]
    [InlineData(101)]
    public void Two_sequences_sharing_exactly_the_minimum_of_tokens_share_a_mark_at_the_same_place_in_both(int minTokens)
    {
        var winnowing = new Winnowing(minTokens);
        var random = new Random(minTokens);
        for (var trial = 0; trial < 200; trial++)
        {
            var shared = RandomIds(random, minTokens);
            var left = RandomIds(random, random.Next(0, 300)).Concat(shared).Concat(RandomIds(random, random.Next(0, 300))).ToArray();
            var offset = random.Next(0, 300);
            var right = RandomIds(random, offset).Concat(shared).Concat(RandomIds(random, random.Next(0, 300))).ToArray();
            var leftStart = IndexOf(left, shared);

            var leftMarks = winnowing.Select(Tokens(left), CancellationToken.None);
            var rightMarks = winnowing.Select(Tokens(right), CancellationToken.None);

            var inLeft = leftMarks.Where(m => m.Token >= leftStart && m.Token + winnowing.KgramLength <= leftStart + minTokens)
                .Select(m => (m.Hash, m.Token - leftStart));
            var inRight = rightMarks.Where(m => m.Token >= offset && m.Token + winnowing.KgramLength <= offset + minTokens)
                .Select(m => (m.Hash, m.Token - offset));
            Assert.NotEmpty(inLeft.Intersect(inRight));
        }
    }

    [Fact]
    public void A_sequence_shorter_than_the_minimum_and_a_table_of_few_distinct_tokens_leave_no_mark()
    {
        var winnowing = new Winnowing(70);
        var table = Enumerable.Range(0, 500).Select(i => (i % 4) switch { 0 => 100, 1 => 1, 2 => 2, _ => 59 }).ToArray();

        Assert.Empty(winnowing.Select(Tokens(RandomIds(new Random(1), 69)), CancellationToken.None));
        Assert.Empty(winnowing.Select(Tokens(table), CancellationToken.None));
        Assert.NotEmpty(winnowing.Select(Tokens(RandomIds(new Random(1), 70)), CancellationToken.None));
    }

    private static int IndexOf(int[] haystack, int[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
