using System.Net;
using HtmlAgilityPack;

namespace Amas.Orleans.Analysis.Osint;

public sealed record PageForm(string? Action, string Method, IReadOnlyList<string> Inputs);

/// <summary>What a page says and points to, with every link and image resolved to an absolute URL.</summary>
public sealed record ParsedPage(
    string? Title,
    string? Description,
    string Text,
    IReadOnlyList<Uri> Links,
    IReadOnlyList<Uri> Images,
    IReadOnlyList<PageForm> Forms);

/// <summary>Reads HTML with HtmlAgilityPack: title, meta description, visible text, links, images and forms.</summary>
public static class HtmlPageParser
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head" };

    public static ParsedPage Parse(string html, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var root = document.DocumentNode;

        // <base href> changes what relative links mean.
        if (root.SelectSingleNode("//base[@href]")?.GetAttributeValue("href", null) is { } baseHref
            && Uri.TryCreate(baseUrl, WebUtility.HtmlDecode(baseHref), out var declared))
        {
            baseUrl = declared;
        }

        var title = Clean(root.SelectSingleNode("//title")?.InnerText);
        var description = Clean(root.SelectNodes("//meta[@name]")?
            .FirstOrDefault(m => m.GetAttributeValue("name", "").Equals("description", StringComparison.OrdinalIgnoreCase))?
            .GetAttributeValue("content", null));

        var words = new List<string>();
        CollectText(root, words);
        var text = string.Join(' ', words);

        var links = Resolve(root.SelectNodes("//a[@href]|//area[@href]"), "href", baseUrl);
        var images = Resolve(root.SelectNodes("//img[@src]"), "src", baseUrl);
        var forms = (root.SelectNodes("//form") ?? Enumerable.Empty<HtmlNode>())
            .Select(f => new PageForm(
                f.GetAttributeValue("action", null) is { } action && Uri.TryCreate(baseUrl, WebUtility.HtmlDecode(action), out var target) ? target.AbsoluteUri : null,
                f.GetAttributeValue("method", "get").ToLowerInvariant(),
                (f.SelectNodes(".//input|.//select|.//textarea") ?? Enumerable.Empty<HtmlNode>())
                    .Select(i => $"{i.GetAttributeValue("name", "")}:{(i.Name == "input" ? i.GetAttributeValue("type", "text") : i.Name)}".ToLowerInvariant())
                    .ToList()))
            .ToList();
        return new ParsedPage(title, description, text, links, images, forms);
    }

    private static void CollectText(HtmlNode node, List<string> words)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    var text = Clean(child.InnerText);
                    if (text is not null)
                    {
                        words.Add(text);
                    }

                    break;
                case HtmlNodeType.Element when !Invisible.Contains(child.Name):
                    CollectText(child, words);
                    break;
                default:
                    break;
            }
        }
    }

    private static List<Uri> Resolve(HtmlNodeCollection? nodes, string attribute, Uri baseUrl)
    {
        var result = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes ?? Enumerable.Empty<HtmlNode>())
        {
            var value = WebUtility.HtmlDecode(node.GetAttributeValue(attribute, "")).Trim();
            if (value.Length == 0 || !Uri.TryCreate(baseUrl, value, out var absolute))
            {
                continue;
            }

            if (seen.Add(absolute.AbsoluteUri))
            {
                result.Add(absolute);
            }
        }

        return result;
    }

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var joined = string.Join(' ', WebUtility.HtmlDecode(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return joined.Length == 0 ? null : joined;
    }
}
