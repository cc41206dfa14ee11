namespace Amas.Orleans.Analysis.Issues;

/// <summary>The languages <c>issue_respond</c> detects and answers in (design §2).</summary>
public enum IssueLanguage
{
    Unknown,
    English,
    Spanish,
    French,
    German,
    Chinese,
    Japanese,
}

/// <summary>The option values of design §2 ("english", "spanish", …, "auto") and their mapping to languages.</summary>
public static class IssueLanguageNames
{
    public const string Auto = "auto";

    /// <summary>The six languages with a profile, in a fixed order (confusion matrices and tests rely on it).</summary>
    public static IReadOnlyList<IssueLanguage> Detectable { get; } =
        [IssueLanguage.English, IssueLanguage.Spanish, IssueLanguage.French, IssueLanguage.German, IssueLanguage.Chinese, IssueLanguage.Japanese];

    public static string OptionName(IssueLanguage language) => language.ToString().ToLowerInvariant();

    /// <summary>
    /// The language an option value names; null for "auto" (use the detected one).
    /// Throws <see cref="ArgumentOutOfRangeException"/> for anything else so callers can turn it into a validation error.
    /// </summary>
    public static IssueLanguage? ParseOption(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim().ToLowerInvariant();
        if (trimmed == Auto)
        {
            return null;
        }

        foreach (var language in Detectable)
        {
            if (OptionName(language) == trimmed)
            {
                return language;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "language must be auto, english, spanish, french, german, chinese or japanese");
    }
}
