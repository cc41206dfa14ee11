using Amas.Orleans.Analysis.CodeQuality;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class LineCountTests
{
    [Theory]
    [InlineData("a.js")]
    [InlineData("a.py")]
    [InlineData("a.cs")]
    [InlineData("README")]
    public void An_empty_file_has_no_lines(string path)
    {
        var metrics = Measured.File(path, "");

        Assert.Equal((0, 0, 0, 0), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines, metrics.Functions.Count));
    }

    [Theory]
    [InlineData("a();\r\n\r\n// c\r\n")]
    [InlineData("a();\n\n// c\n")]
    [InlineData("a();\r\r// c")]
    public void Line_breaks_of_any_style_split_lines_and_a_final_break_adds_none(string text)
    {
        var metrics = Measured.File("a.js", text);

        Assert.Equal((1, 1, 1), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Fact]
    public void A_line_with_code_and_a_trailing_comment_is_code_and_blank_lines_inside_a_block_comment_are_blank()
    {
        const string source = """
            int x = 1; /* starts
            
               still comment */ int y = 2;
            /* only comment */
            """;

        var metrics = Measured.File("a.c", source);

        Assert.Equal((2, 1, 1), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Fact]
    public void A_file_of_unknown_type_gets_line_counts_only()
    {
        const string text = "# TODO: a heading, not a known comment\n\nvalue = f(x) { if (a) { b } }\n";

        var metrics = Measured.File("notes/Makefile", text);

        Assert.Equal(SourceLanguage.Unknown, metrics.Language);
        Assert.Equal((2, 0, 1), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
        Assert.Empty(metrics.Functions);
        Assert.Empty(metrics.Markers);
    }

    [Theory]
    [InlineData("a.py", "x = 'TODO: in a string'  # HACK: in a comment", "HACK")]
    [InlineData("a.go", "s := \"FIXME in a string\" // XXX in a comment", "XXX")]
    [InlineData("a.java", "String s = \"TODO\"; /* FIXME here */", "FIXME")]
    [InlineData("a.ts", "const s = `TODO ${x} FIXME`; // TODO: real one", "TODO")]
    public void A_marker_in_a_string_is_not_counted_but_one_in_a_comment_is(string path, string line, string marker)
    {
        var found = Assert.Single(Measured.File(path, line).Markers);

        Assert.Equal(marker, found.Marker);
    }

    [Fact]
    public void A_marker_is_a_whole_upper_case_word_and_its_text_is_cut_at_120_characters()
    {
        var longComment = "// TODO " + new string('x', 200);
        const string prose = "// todo lists, TODOS, XXXL and MYHACK are not markers";

        var metrics = Measured.File("a.js", longComment + "\n" + prose);

        var marker = Assert.Single(metrics.Markers);
        Assert.Equal(120, marker.Text.Length);
        Assert.StartsWith("TODO xxx", marker.Text, StringComparison.Ordinal);
    }
}
