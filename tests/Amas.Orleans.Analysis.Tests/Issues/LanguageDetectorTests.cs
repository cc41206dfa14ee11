using System.Text;
using Amas.Orleans.Analysis.Issues;
using Xunit.Abstractions;

namespace Amas.Orleans.Analysis.Tests.Issues;

public sealed class LanguageDetectorTests(ITestOutputHelper output)
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [Fact]
    public void Test_set_holds_at_least_twenty_texts_per_language()
    {
        var counts = LanguageTestSet.Load().GroupBy(t => t.Expected).ToDictionary(g => g.Key, g => g.Count());
        foreach (var language in IssueLanguageNames.Detectable)
        {
            Assert.True(counts.GetValueOrDefault(language) >= 20, $"{language}: {counts.GetValueOrDefault(language)} texts");
        }
    }

    [Fact]
    public void No_sentence_of_the_test_set_appears_in_the_training_text()
    {
        var training = IssueLanguageNames.Detectable
            .SelectMany(l => LanguageTestSet.Sentences(LanguageTrainingText.Read(l)))
            .ToHashSet(StringComparer.Ordinal);
        var shared = LanguageTestSet.Load().SelectMany(t => LanguageTestSet.Sentences(t.Text)).Where(training.Contains).ToList();
        Assert.True(training.Count > 100, $"only {training.Count} training sentences were read");
        Assert.Empty(shared);
    }

    [Fact]
    public void Detects_at_least_95_percent_of_the_test_set_and_prints_the_confusion_matrix()
    {
        var set = LanguageTestSet.Load();
        var columns = IssueLanguageNames.Detectable.Append(IssueLanguage.Unknown).ToList();
        var matrix = new Dictionary<(IssueLanguage, IssueLanguage), int>();
        var correct = 0;
        var lowest = 1.0;
        foreach (var (expected, text) in set)
        {
            var guess = Detector.Detect(text);
            matrix[(expected, guess.Language)] = matrix.GetValueOrDefault((expected, guess.Language)) + 1;
            if (guess.Language == expected)
            {
                correct++;
                lowest = Math.Min(lowest, guess.Confidence);
            }
            else
            {
                output.WriteLine($"miss: expected {expected}, got {guess.Language} ({guess.Reason}, {guess.Confidence:F2}): {text}");
            }
        }

        var report = new StringBuilder();
        report.AppendLine("expected \\ detected  " + string.Join(' ', columns.Select(c => $"{c,8}")) + "  accuracy");
        foreach (var expected in IssueLanguageNames.Detectable)
        {
            var row = columns.Select(c => matrix.GetValueOrDefault((expected, c))).ToList();
            var total = set.Count(t => t.Expected == expected);
            report.AppendLine($"{expected,-20} " + string.Join(' ', row.Select(n => $"{n,8}")) + $"  {(double)matrix.GetValueOrDefault((expected, expected)) / total:P1}");
        }

        var accuracy = (double)correct / set.Count;
        report.AppendLine($"overall: {correct}/{set.Count} = {accuracy:P1}; lowest confidence of a correct answer {lowest:F2}");
        output.WriteLine(report.ToString());
        Assert.True(accuracy >= 0.95, report.ToString());
    }

    [Theory]
    [InlineData("設定を変更すると落ちる")]
    [InlineData("東京の開発チームがバグを確認した")]
    public void Any_kana_makes_a_text_japanese(string text)
    {
        var guess = Detector.Detect(text);
        Assert.Equal(IssueLanguage.Japanese, guess.Language);
        Assert.StartsWith("script", guess.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Han_without_kana_is_chinese_even_with_english_identifiers()
    {
        var guess = Detector.Detect("调用 GetUserAsync 时抛出 NullReferenceException 异常");
        Assert.Equal(IssueLanguage.Chinese, guess.Language);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("crash")]
    [InlineData("v2.3.1 !!!")]
    [InlineData("设置")]
    public void Too_short_text_is_unknown(string text)
    {
        var guess = Detector.Detect(text);
        Assert.Equal(IssueLanguage.Unknown, guess.Language);
        Assert.Equal("too short", guess.Reason);
    }

    [Fact]
    public void Text_in_an_unsupported_script_is_unknown()
    {
        Assert.Equal(IssueLanguage.Unknown, Detector.Detect("Приложение падает при сохранении настроек").Language);
    }

    [Fact]
    public void A_list_of_product_names_is_too_ambiguous_to_name_a_language()
    {
        var guess = Detector.Detect("Kubernetes Grafana Postgres Redis");
        output.WriteLine(string.Join(", ", guess.Scores.Select(s => $"{s.Key}={s.Value:F2}")));
        Assert.Equal(IssueLanguage.Unknown, guess.Language);
        Assert.Equal("ambiguous", guess.Reason);
    }

    [Fact]
    public void Confidence_grows_with_more_text_of_the_same_language()
    {
        var short_ = Detector.Detect("The window closes on save.");
        var longer = Detector.Detect("The window closes on save. It happens every time I press the button, and the log shows nothing useful.");
        output.WriteLine($"{short_.Confidence} < {longer.Confidence}");
        Assert.Equal(IssueLanguage.English, short_.Language);
        Assert.Equal(IssueLanguage.English, longer.Language);
        Assert.True(longer.Confidence > short_.Confidence, $"{longer.Confidence} <= {short_.Confidence}");
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("English", IssueLanguage.English)]
    [InlineData(" japanese ", IssueLanguage.Japanese)]
    public void Language_options_parse(string value, IssueLanguage? expected) =>
        Assert.Equal(expected, IssueLanguageNames.ParseOption(value));

    [Fact]
    public void An_unknown_language_option_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IssueLanguageNames.ParseOption("klingon"));
    }
}
