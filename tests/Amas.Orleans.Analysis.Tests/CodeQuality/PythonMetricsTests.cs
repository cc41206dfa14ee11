namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class PythonMetricsTests
{
    private const string Inventory = """"
        import os


        class Inventory:
            """Holds items.

            TODO: this is a docstring, not a comment
            """

            def __init__(self, items):
                self.items = items  # FIXME: copy the list

            def restock(self, threshold, supplier=None):
                # decide what to order
                orders = []
                for item in self.items:
                    if item.count < threshold and not item.discontinued:
                        if supplier is None or supplier.closed:
                            continue
                        orders.append(item)
                    elif item.count == 0:
                        try:
                            supplier.rush(item)
                        except (IOError, OSError):
                            pass
                names = [o.name for o in orders if o.name]
                return orders


        async def fetch(url, retries=3):
            def backoff(n):
                return 2 ** n if n < 5 else 32
            while retries > 0:
                text = """
        def not_a_function():
            pass
        """
                retries -= 1
            match url:
                case "a":
                    return 1
                case _:
                    return 0
        """";

    [Fact]
    public void Python_functions_are_found_by_indentation_and_qualified_by_class()
    {
        var metrics = Measured.File("inventory.py", Inventory);

        Assert.Equal(
            [("Inventory.__init__", 10, 11), ("Inventory.restock", 13, 27), ("fetch", 30, 43), ("fetch.backoff", 31, 32)],
            metrics.Functions.Select(f => (f.Name, f.StartLine, f.EndLine)));
    }

    [Fact]
    public void Python_complexity_counts_branches_boolean_operators_and_comprehensions()
    {
        var restock = Measured.File("inventory.py", Inventory).Function("Inventory.restock");

        // for, if, and, if, or, elif, except, and the comprehension's for and if.
        Assert.Equal(10, restock.CyclomaticComplexity);
        // for > if > if; the elif's try sits at the same depth as the inner if.
        Assert.Equal(3, restock.NestingDepth);
    }

    [Fact]
    public void A_Python_function_leaves_out_nested_defs_and_the_wildcard_case()
    {
        var metrics = Measured.File("inventory.py", Inventory);

        var fetch = metrics.Function("fetch");
        Assert.Equal(3, fetch.CyclomaticComplexity); // while, case "a"
        Assert.Equal(1, fetch.NestingDepth);

        var backoff = metrics.Function("fetch.backoff");
        Assert.Equal(2, backoff.CyclomaticComplexity); // the conditional expression
        Assert.Equal(0, backoff.NestingDepth);
    }

    [Fact]
    public void Python_lines_count_docstrings_as_code_and_hash_comments_as_comments()
    {
        var metrics = Measured.File("inventory.py", Inventory);

        Assert.Equal(43, metrics.TotalLines);
        Assert.Equal(6, metrics.BlankLines);
        Assert.Equal(1, metrics.CommentLines);
        Assert.Equal(36, metrics.CodeLines);
    }

    [Fact]
    public void A_TODO_in_a_Python_docstring_is_not_a_marker_but_one_in_a_comment_is()
    {
        var marker = Assert.Single(Measured.File("inventory.py", Inventory).Markers);

        Assert.Equal((11, "FIXME", "FIXME: copy the list"), (marker.Line, marker.Marker, marker.Text));
    }

    [Fact]
    public void Python_with_tabs_CRLF_and_continuation_lines_keeps_the_function_whole()
    {
        var source = string.Join("\r\n",
            "def total(values,",
            "\t\t  scale):",
            "\tresult = sum(v for v in values",
            "if v)",
            "\tif result > 10 and \\",
            "scale:",
            "\t\treturn result * scale",
            "\treturn result",
            "print(total([1], 2))");

        var total = Measured.File("t.py", source).Function("total");

        Assert.Equal((1, 8), (total.StartLine, total.EndLine));
        Assert.Equal(5, total.CyclomaticComplexity); // for, if, if, and
        Assert.Equal(1, total.NestingDepth);
    }
}
