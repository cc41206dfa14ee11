using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Analysis.Performance.CSharp;
using Amas.Orleans.Analysis.Performance.Lexical;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class PerformanceCorpusTests
{
    private static IEnumerable<(string File, string Rule, int Line)> Found(string path, string text) =>
        Analysed.Findings(path, text).Select(f => (f.File!, f.Rule, f.Line!.Value));

    [Fact]
    public void The_corpus_yields_exactly_the_hand_written_findings_nothing_missing_nothing_extra()
    {
        var found = Found(PerformanceCorpus.CSharpPath, PerformanceCorpus.CSharp)
            .Concat(Found(PerformanceCorpus.PythonPath, PerformanceCorpus.Python))
            .Concat(Found(PerformanceCorpus.JavaScriptPath, PerformanceCorpus.JavaScript))
            .ToList();

        var missing = PerformanceCorpus.Expected.Except(found).ToList();
        var extra = found.Except(PerformanceCorpus.Expected).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing: [{string.Join(", ", missing)}]; extra: [{string.Join(", ", extra)}]");
        Assert.Equal(PerformanceCorpus.Expected.Count, found.Count);
    }

    [Fact]
    public void Every_rule_is_planted_in_the_corpus()
    {
        var rules = CSharpPerformanceRules.All.Select(r => r.Id)
            .Concat(LexicalPerformanceRules.Python.Select(r => r.Id))
            .Concat(LexicalPerformanceRules.JavaScript.Select(r => r.Id));

        Assert.Empty(rules.Except(PerformanceCorpus.Expected.Select(e => e.Rule)));
    }

    [Fact]
    public void Every_rule_has_an_id_title_explanation_and_fix_and_ids_are_unique()
    {
        var rules = CSharpPerformanceRules.All.Select(r => (r.Id, r.Title, r.Explanation, r.Fix))
            .Concat(LexicalPerformanceRules.Python.Select(r => (r.Id, r.Title, r.Explanation, r.Fix)))
            .Concat(LexicalPerformanceRules.JavaScript.Select(r => (r.Id, r.Title, r.Explanation, r.Fix)))
            .ToList();

        Assert.All(rules, r =>
        {
            Assert.StartsWith("perf/", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
        });
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Files_of_other_languages_are_not_analysed()
    {
        var analyzer = new PerformanceAnalyzer();

        Assert.Empty(analyzer.Analyze(new SourceFile("Main.java", "while (x) { s += \"a\"; }"), CancellationToken.None));
        Assert.Empty(analyzer.Analyze(new SourceFile("notes.md", "JSON.parse(JSON.stringify(x))"), CancellationToken.None));
    }

    [Fact]
    public void Findings_in_one_member_with_identical_text_get_distinct_ids()
    {
        const string text = "async function f(ids) {\n  for (const id of ids) {\n    await save(id);\n    await save(id);\n  }\n}\n";

        var ids = Analysed.Findings("a.js", text).Select(f => f.Id).ToList();

        Assert.Equal(2, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }
}
