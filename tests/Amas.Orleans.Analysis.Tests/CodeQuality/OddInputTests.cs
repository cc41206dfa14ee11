namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class OddInputTests
{
    private static readonly string[] Extensions = [".cs", ".py", ".js", ".ts", ".java", ".go", ".c", ".rs", ".txt"];

    private static readonly string[] OddTexts =
    [
        "{", "}", "}}}{{{", "(((", ")))", "\"unterminated", "'", "`", "```", "/* unterminated", "*/", "//", "#",
        "\"\"\"", "'''", "r\"\\\"", "def", "def f(:", "def f():", "  def g():\n\treturn", "class", "function (",
        "function", "=>", "x =>", "= =>", "func (", "func", "func (r) (", "if {", "} else {", "@", "@Ann(", "/", "/[/",
        "a ? b", "?", "??", "case", "match x:\n  case _:", "\r", "\r\n", "\n\n\n", "\t\t", "\uFEFFint x;",
        "`${`${`${", "${}", "x = `a${ {b: `c${d}`} }e`", "'\\", "'\\u{1F600}'", "fn f<'a>(x: &'a str) -> &'a str {",
        "const f = () =>\n", "int f() throws", "a.b(c) {", "new X() {", "operator", "get =>", "\u2028\u2029",
    ];

    public static TheoryData<string> ExtensionCases() => new(Extensions);

    [Theory]
    [MemberData(nameof(ExtensionCases))]
    public void Odd_input_is_measured_without_throwing(string extension)
    {
        var failures = new List<string>();
        foreach (var text in OddTexts)
        {
            try
            {
                AssertConsistent(Measured.File("odd" + extension, text), text);
            }
            catch (Exception e)
            {
                failures.Add($"{text.ReplaceLineEndings("⏎")}: {e.GetType().Name} {e.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(".cs")]
    [InlineData(".py")]
    [InlineData(".js")]
    [InlineData(".java")]
    [InlineData(".go")]
    [InlineData(".c")]
    public void Random_soup_of_syntax_characters_never_breaks_the_reader(string extension)
    {
        const string alphabet = "{}()[]<>;:,.=!?&|'\"`\\/*#$@ \t\r\nabcdefif for while def func function case => ->";
        var random = new Random(20240601);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            AssertConsistent(Measured.File("soup" + extension, text), text);
        }
    }

    [Fact]
    public void A_large_bundle_with_thousands_of_nested_functions_is_measured_in_one_pass()
    {
        var body = new System.Text.StringBuilder("function bundle() {\n");
        for (var i = 0; i < 3000; i++)
        {
            body.Append("  function f").Append(i).Append("(a) { if (a) { while (a) { a--; } } return a && b; }\n");
        }

        var metrics = Measured.File("dist/bundle.min.js", body.Append("}\n").ToString());

        Assert.Equal(3001, metrics.Functions.Count);
        Assert.Equal((1, 0), (metrics.Function("bundle").CyclomaticComplexity, metrics.Function("bundle").NestingDepth));
        Assert.Equal((4, 2), (metrics.Function("f2999").CyclomaticComplexity, metrics.Function("f2999").NestingDepth));
    }

    [Fact]
    public async Task Odd_and_random_files_pass_through_both_passes_of_copy_detection_without_throwing()
    {
        var random = new Random(7);
        const string alphabet = "{}()[]<>;:,.=!?&|'\"`\\/*#$@ \t\r\nabif for def func function case => ->0123";
        var files = new List<(string Path, string Text)>();
        foreach (var extension in Extensions)
        {
            files.AddRange(OddTexts.Select((text, i) => ($"odd{i}{extension}", text)));
            for (var round = 0; round < 10; round++)
            {
                var text = new string(Enumerable.Range(0, random.Next(0, 2000)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                // Every soup twice, so the final pass has copies to pair and extend.
                files.Add(($"soup{round}a{extension}", text));
                files.Add(($"soup{round}b{extension}", text));
            }
        }

        var findings = await Duplicates.FindAsync(new Analysis.CodeQuality.CodeQualityOptions { DuplicateMinTokens = 10, DuplicateMinLines = 1 }, [.. files]);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.True(f.Line >= 1 && f.EndLine >= f.Line));
    }

    private static void AssertConsistent(Analysis.CodeQuality.FileMetrics metrics, string text)
    {
        Assert.True(metrics.CodeLines >= 0 && metrics.CommentLines >= 0 && metrics.BlankLines >= 0);
        Assert.True(metrics.TotalLines <= text.Length);
        foreach (var function in metrics.Functions)
        {
            Assert.InRange(function.StartLine, 1, metrics.TotalLines);
            Assert.InRange(function.EndLine, function.StartLine, metrics.TotalLines);
            Assert.True(function.CyclomaticComplexity >= 1);
            Assert.True(function.NestingDepth >= 0);
            Assert.True(function.HalsteadVolume >= 0 && function.CodeLines >= 0);
            Assert.InRange(function.MaintainabilityIndex, 0, 100);
        }
    }
}
