using System.Reflection;

namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// The training paragraphs the profiles are built from: original text about software and issues, one file per
/// language under <c>Issues/Training/</c>, embedded in the assembly so detection needs no file system or network.
/// </summary>
public static class LanguageTrainingText
{
    private const string ResourcePrefix = "Amas.Orleans.Analysis.Issues.Training.";

    public static string Read(IssueLanguage language)
    {
        if (language == IssueLanguage.Unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "there is no training text for Unknown");
        }

        var name = ResourcePrefix + IssueLanguageNames.OptionName(language) + ".txt";
        using var stream = typeof(LanguageTrainingText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
