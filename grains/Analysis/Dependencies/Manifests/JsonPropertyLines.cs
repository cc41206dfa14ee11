using System.Text;
using System.Text.Json;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// The 1-based line of every property in a JSON document, by its path of property names (array elements by index).
/// System.Text.Json's DOM keeps no positions, so the readers use it for structure and this for locations.
/// </summary>
internal sealed class JsonPropertyLines
{
    private const char Separator = '\u001f';
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonPropertyLines()
    {
    }

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonPropertyLines Index(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                newlines.Add(i);
            }
        }

        var index = new JsonPropertyLines();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var path = new List<string>();
        var containers = new Stack<Container>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString()!;
                    var line = newlines.BinarySearch(reader.TokenStartIndex);
                    index._lines.TryAdd(Key(path, pending), (line < 0 ? ~line : line) + 1);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (containers.Count > 0)
                    {
                        path.Add(pending ?? containers.Peek().NextIndex());
                    }

                    containers.Push(new Container());
                    pending = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    if (containers.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                default:
                    if (pending is null && containers.Count > 0)
                    {
                        containers.Peek().NextIndex();
                    }

                    pending = null;
                    break;
            }
        }

        return index;
    }

    /// <summary>The line of the property at this path, or 0 when there is none.</summary>
    public int LineOf(params string[] path) =>
        _lines.GetValueOrDefault(string.Join(Separator, path));

    private static string Key(List<string> path, string name) =>
        path.Count == 0 ? name : string.Join(Separator, path) + Separator + name;

    private sealed class Container
    {
        private int _next;

        public string NextIndex() => (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
