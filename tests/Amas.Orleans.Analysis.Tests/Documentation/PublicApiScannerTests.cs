using Amas.Orleans.Analysis.Documentation;

namespace Amas.Orleans.Analysis.Tests.Documentation;

public sealed class PublicApiScannerTests
{
    private static string[] Scan(string path, string text)
        => [.. PublicApiScanner.Scan(new SourceFile(path, text)).Select(a => $"{a.Line}:{a.Kind}:{a.Name}:{(a.HasDocComment ? "doc" : "none")}")];

    [Fact]
    public void Csharp_public_types_with_xml_doc_comments_above_their_attributes()
    {
        var text = """
            namespace Shop;

            /// <summary>An order.</summary>
            [Serializable]
            public sealed record Order(int Id);

            public static partial class OrderMath { }

            internal class Hidden { }
            public interface IStore { }
            /** Block doc. */
            public enum Status { Open }
            /* not a doc comment */
            public struct Point { }
            """;

        Assert.Equal(["5:record:Order:doc", "7:class:OrderMath:none", "10:interface:IStore:none", "12:enum:Status:doc", "14:struct:Point:none"], Scan("src/Shop.cs", text));
    }

    [Fact]
    public void Python_top_level_functions_and_classes_with_docstrings_and_private_names_left_out()
    {
        var text = "import os\n\ndef load(path,\n         mode='r'):\n    \"\"\"Loads a file.\"\"\"\n    return open(path)\n\nclass Cache:\n    x = 1\n\ndef _helper():\n    pass\n\nasync def fetch():\n    r'''Raw docstring.'''\n";

        Assert.Equal(["3:function:load:doc", "8:class:Cache:none", "14:function:fetch:doc"], Scan("pkg/io.py", text));
    }

    [Fact]
    public void Javascript_and_typescript_exports_with_jsdoc()
    {
        var text = "/**\n * Adds.\n */\nexport function add(a, b) { return a + b; }\nexport default class Widget {}\nconst local = 1;\n// plain comment\nexport const VERSION = '1';\n";

        Assert.Equal(["4:function:add:doc", "5:class:Widget:none", "8:const:VERSION:none"], Scan("lib/math.ts", text));
    }

    [Fact]
    public void Go_exported_functions_methods_and_types_with_a_comment_above()
    {
        var text = "package store\n\n// Open opens the store.\nfunc Open(path string) (*Store, error) { return nil, nil }\n\ntype Store struct{}\n\nfunc (s *Store) Close() error { return nil }\n\nfunc helper() {}\n";

        Assert.Equal(["4:function:Open:doc", "6:type:Store:none", "8:function:Close:none"], Scan("store/store.go", text));
    }

    [Fact]
    public void Java_public_types_with_javadoc_above_annotations()
    {
        var text = "package a;\n\n/** A service. */\n@Deprecated\npublic final class Service {}\nclass PackagePrivate {}\n";

        Assert.Equal(["5:class:Service:doc"], Scan("src/main/java/a/Service.java", text));
    }

    [Theory]
    [InlineData("tests/Shop.Tests/OrderTests.cs")]
    [InlineData("src/OrderTests.cs")]
    [InlineData("store/store_test.go")]
    [InlineData("pkg/test_io.py")]
    [InlineData("pkg/_private.py")]
    [InlineData("lib/math.spec.ts")]
    [InlineData("internal/store/store.go")]
    public void Tests_and_private_modules_are_not_public_surface(string path)
    {
        Assert.Empty(PublicApiScanner.Scan(new SourceFile(path, "public class Visible {}\ndef visible():\n    pass\nfunc Visible() {}\nexport class Visible {}\n")));
    }
}
