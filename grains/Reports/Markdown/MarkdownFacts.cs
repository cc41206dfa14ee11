using System.Text;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>
/// The agents' facts (<c>Agent.name</c> → values) as one list per agent, in the order the agents wrote them. Values
/// are code spans: hashes and addresses read exactly, and a URL from a fetched page or a file never becomes a link.
/// </summary>
internal static class MarkdownFacts
{
    public static void Write(StringBuilder md, IReadOnlyDictionary<string, IReadOnlyList<string>> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        md.Append("\n## Facts\n");
        foreach (var agent in facts.GroupBy(f => Split(f.Key).Agent, StringComparer.Ordinal))
        {
            md.Append("\n### ").Append(MarkdownText.Inline(agent.Key)).Append("\n\n");
            foreach (var (key, values) in agent)
            {
                md.Append("- ").Append(MarkdownText.Inline(Split(key).Name)).Append(':');
                switch (values.Count)
                {
                    case 0:
                        md.Append(" none\n");
                        break;
                    case 1:
                        md.Append(' ').Append(MarkdownText.Code(values[0])).Append('\n');
                        break;
                    default:
                        md.Append('\n');
                        foreach (var value in values)
                        {
                            md.Append("  - ").Append(MarkdownText.Code(value)).Append('\n');
                        }

                        break;
                }
            }
        }
    }

    private static (string Agent, string Name) Split(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (key[..dot], key[(dot + 1)..]) : ("Agents", key);
    }
}
