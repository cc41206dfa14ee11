namespace Amas.Orleans.Analysis.Issues;

/// <summary>The <c>issue_respond</c> modes of design §2 that shape the drafted response.</summary>
public enum ResponseMode
{
    Intelligent,
    Aggressive,
    Conservative,
    TechnicalFocused,
    UserFriendly,
    AutomatedFix,
}

/// <summary>How much the response says, from a short acknowledgement to the full reasoning.</summary>
public enum ResponseDepth
{
    Basic,
    Detailed,
    Comprehensive,
    Expert,
}

/// <summary>A finding from the repository analysis that relates to the issue; only what the response shows.</summary>
public sealed record RelatedFinding(string Rule, string? File, int? Line, string Message);

/// <summary>What the drafter is asked for. <see cref="Language"/> null means "auto": answer in the detected language.</summary>
public sealed record ResponseRequest(
    IssueLanguage? Language,
    ResponseMode Mode,
    ResponseDepth Depth,
    IReadOnlyList<RelatedFinding> Findings)
{
    public static ResponseRequest Default { get; } = new(null, ResponseMode.Intelligent, ResponseDepth.Detailed, []);
}

/// <summary>The option spellings of design §2 ("technical_focused", "expert", …).</summary>
public static class ResponseOptionNames
{
    public static string Of(ResponseMode mode) => Snake(mode.ToString());

    public static string Of(ResponseDepth depth) => Snake(depth.ToString());

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the allowed values.</summary>
    public static ResponseMode ParseMode(string value) => Parse<ResponseMode>(value, Of);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the allowed values.</summary>
    public static ResponseDepth ParseDepth(string value) => Parse<ResponseDepth>(value, Of);

    private static T Parse<T>(string value, Func<T, string> name)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(value);
        var wanted = value.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (name(candidate) == wanted)
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"must be one of {string.Join(", ", Enum.GetValues<T>().Select(name))}");
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>The drafted reply, with the language it is written in and why that one.</summary>
public sealed record IssueResponse(IssueLanguage Language, string LanguageReason, ResponseMode Mode, ResponseDepth Depth, string Text);
