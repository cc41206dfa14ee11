using static Amas.Orleans.Analysis.Tests.Docker.DockerSamples;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class DockerCorpusTests
{
    [Fact]
    public void The_planted_corpus_yields_exactly_the_hand_written_findings()
    {
        var actual = FindingsOf(DockerCorpus.Dockerfile)
            .Select(f => (Line: f.Line!.Value, f.Rule))
            .Order()
            .ToList();

        var missing = DockerCorpus.Expected.Except(actual).ToList();
        var extra = actual.Except(DockerCorpus.Expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join(", ", missing)}; extra: {string.Join(", ", extra)}");
        Assert.Equal(DockerCorpus.Expected.Order(), actual);
    }

    [Fact]
    public void The_corpus_secret_never_appears_in_any_finding()
    {
        Assert.All(FindingsOf(DockerCorpus.Dockerfile), f =>
        {
            Assert.DoesNotContain(DockerSamples.Secret, f.Evidence ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(DockerSamples.Secret, f.Message, StringComparison.Ordinal);
        });
    }
}
