namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class CSharpMetricsTests
{
    private const string Pricing = """
        namespace Shop;

        public sealed class Pricing
        {
            public decimal Discount(Order order, Customer? customer)
            {
                if (order.Total > 100)
                {
                    if (customer is { IsMember: true })
                    {
                        foreach (var line in order.Lines)
                        {
                            if (line.Quantity > 10 && line.Price > 5)
                            {
                                return 0.2m;
                            }
                        }
                    }
                    else if ((customer?.Name ?? "") == "vip")
                    {
                        return 0.05m;
                    }
                }

                return customer == null ? 0 : 0.01m;
            }
        }
        """;

    // Numbered for the hand-computed expectations below.
    private const string Cart = """
        using System;

        namespace Shop;

        /// <summary>Doc comment.</summary>
        public sealed class Cart
        {
            private int _count;

            public Cart(int count) => _count = count > 0 ? count : 0;

            public int Count
            {
                get { return _count; }
                set { if (value < 0) throw new ArgumentException(); _count = value; }
            }

            public string Label => _count switch { 0 => "empty", 1 or 2 => "few", _ => "many" };

            public static Cart operator +(Cart a, Cart b) => new(a._count + b._count);

            public static implicit operator int(Cart c) => c?._count ?? 0;

            [Obsolete]
            public int Classify(object value, string? name)
            {
                name ??= "none";
                switch (value)
                {
                    case int i when i > 0:
                    case long:
                        return 1;
                    case string s and not "":
                        return 2;
                    default:
                        break;
                }

                var n = 0;
                while (n < 3) { n++; }
                do { n--; } while (n > 0);
                for (var k = 0; k < 2; k++) { n += k; }
                try { n = Parse(name); }
                catch (FormatException) { n = -1; }
                catch (OverflowException) when (n > 0) { n = -2; }
                Func<int, bool> positive = x => x > 0 || x == -1;
                return positive(n) ? n : Fallback(n);

                static int Fallback(int v)
                {
                    if (v < -1) { return 0; }
                    return v;
                }
            }

            private static int Parse(string text) => int.Parse(text);
        }
        """;

    [Fact]
    public void Nested_ifs_in_a_CSharp_method_raise_complexity_and_depth()
    {
        var discount = Measured.File("src/Pricing.cs", Pricing).Function("Pricing.Discount(Order, Customer?)");

        // if, if, foreach, if, &&, else if, ??, ?: — the property pattern is not a decision.
        Assert.Equal(9, discount.CyclomaticComplexity);
        // if > if > foreach > if; the else-if sits beside the inner if.
        Assert.Equal(4, discount.NestingDepth);
        Assert.Equal(5, discount.StartLine);
        Assert.Equal(26, discount.EndLine);
        Assert.Equal(22, discount.Lines);
    }

    [Fact]
    public void Every_kind_of_CSharp_function_is_found_with_a_readable_name()
    {
        var metrics = Measured.File("Cart.cs", Cart);

        Assert.Equal(
            [
                "Cart.Cart(int)", "Cart.Count.get", "Cart.Count.set", "Cart.Label.get", "Cart.operator +(Cart, Cart)",
                "Cart.implicit operator int(Cart)", "Cart.Classify(object, string?)",
                "Cart.Classify(object, string?).Fallback(int)", "Cart.Parse(string)",
            ],
            metrics.Functions.Select(f => f.Name));
    }

    [Theory]
    [InlineData("Cart.Cart(int)", 2, 0)] // ?:
    [InlineData("Cart.Count.get", 1, 0)]
    [InlineData("Cart.Count.set", 2, 1)] // if
    [InlineData("Cart.Label.get", 4, 0)] // arms 0 and "1 or 2", the `or`; the discard arm does not count
    [InlineData("Cart.operator +(Cart, Cart)", 1, 0)]
    [InlineData("Cart.implicit operator int(Cart)", 2, 0)] // ?? counts, ?. does not
    [InlineData("Cart.Classify(object, string?).Fallback(int)", 2, 1)]
    [InlineData("Cart.Parse(string)", 1, 0)]
    public void CSharp_complexity_counts_the_documented_decisions(string name, int complexity, int depth)
    {
        var function = Measured.File("Cart.cs", Cart).Function(name);

        Assert.Equal(complexity, function.CyclomaticComplexity);
        Assert.Equal(depth, function.NestingDepth);
    }

    [Fact]
    public void A_CSharp_method_counts_cases_loops_catches_and_lambdas_but_not_its_local_function()
    {
        var classify = Measured.File("Cart.cs", Cart).Function("Cart.Classify(object, string?)");

        // ??=, case int (its `when` does not count), case long, case string, `and`, while, do, for, two catches,
        // || in the lambda, ?: — Fallback's if belongs to Fallback.
        Assert.Equal(13, classify.CyclomaticComplexity);
        Assert.Equal(1, classify.NestingDepth);
        Assert.Equal(25, classify.StartLine); // the [Obsolete] line above does not count
        Assert.Equal(54, classify.EndLine);
    }

    [Fact]
    public void CSharp_lines_are_split_into_code_comment_and_blank()
    {
        var metrics = Measured.File("Cart.cs", Cart);

        Assert.Equal(57, metrics.TotalLines);
        Assert.Equal(11, metrics.BlankLines);
        Assert.Equal(1, metrics.CommentLines);
        Assert.Equal(45, metrics.CodeLines);
    }

    [Fact]
    public void CSharp_markers_are_read_from_comments_and_not_from_strings()
    {
        const string notes = """
            // TODO: split this class
            public sealed class Notes
            {
                /* FIXME: the name
                   HACK around it */
                private const string Text = "TODO: not a comment";
                public string Todo => Text; // todo in lower case is prose; XXX is a marker
            }
            """;

        var metrics = Measured.File("Notes.cs", notes);

        Assert.Equal(
            [(1, "TODO", "TODO: split this class"), (4, "FIXME", "FIXME: the name"), (5, "HACK", "HACK around it"),
             (7, "XXX", "todo in lower case is prose; XXX is a marker")],
            metrics.Markers.Select(m => (m.Line, m.Marker, m.Text)));
        Assert.Equal((5, 3, 0), (metrics.CodeLines, metrics.CommentLines, metrics.BlankLines));
    }

    [Fact]
    public void Abstract_and_interface_members_without_a_body_are_not_functions()
    {
        const string source = """
            public interface IShape { double Area(); int Sides { get; } }
            public abstract class Shape { public abstract double Area(); public int Sides { get; set; } }
            """;

        Assert.Empty(Measured.File("Shape.cs", source).Functions);
    }
}
