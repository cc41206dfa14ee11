using Amas.Orleans.Analysis.Issues;

namespace Amas.Orleans.Analysis.Tests.Issues;

public sealed class IssueCategoriserTests
{
    private static IssueCategorisation Categorise(string title, string body, params string[] labels) =>
        IssueCategoriser.Default.Categorise(new IssueText(title, body, labels));

    [Theory]
    // Each category: one text it must classify that way, then one near-miss sharing a cue with it that must not.
    [InlineData("App crashes when saving", "Since 2.1 the app crashes with a NullReferenceException.", IssueCategory.Bug)]
    [InlineData("Please add a retry option when uploads fail", "", IssueCategory.Feature)]
    [InlineData("Feature request: export reports to PDF", "CSV is not enough for our auditors.", IssueCategory.Feature)]
    [InlineData("The new feature from 3.0 crashes on startup", "Stack trace attached below.", IssueCategory.Bug)]
    [InlineData("How do I configure the proxy?", "I could not find the setting anywhere.", IssueCategory.Question)]
    [InlineData("Docs: how to configure the proxy is missing from the README", "", IssueCategory.Documentation)]
    [InlineData("Typo in the README install section", "It says 'instal'.", IssueCategory.Documentation)]
    [InlineData("The example app crashes on start", "Running it from a fresh clone.", IssueCategory.Bug)]
    [InlineData("Stored XSS in the comment field", "A script saved in a comment runs for every visitor.", IssueCategory.Security)]
    [InlineData("Dependency injection of the logger is not documented", "", IssueCategory.Documentation)]
    public void Classifies_english_issues(string title, string body, IssueCategory expected) =>
        Assert.Equal(expected, Categorise(title, body).Category);

    [Theory]
    [InlineData("La aplicación se cierra al guardar los ajustes", "Pasa siempre desde la última versión.", IssueCategory.Bug)]
    [InlineData("¿Cómo cambio el puerto del servidor?", "No lo encuentro en la configuración.", IssueCategory.Question)]
    [InlineData("Vulnérabilité XSS dans le formulaire de contact", "Un attaquant peut exécuter du script chez les visiteurs.", IssueCategory.Security)]
    [InlineData("Coquille dans la documentation de l'installation", "Le nom du paquet est mal écrit.", IssueCategory.Documentation)]
    [InlineData("Funktionswunsch: Berichte als PDF exportieren", "Das wäre schön für unsere Prüfer.", IssueCategory.Feature)]
    [InlineData("Die App stürzt beim Speichern ab", "Seit dem letzten Update jedes Mal.", IssueCategory.Bug)]
    [InlineData("登录页面存在SQL注入漏洞", "攻击者可以读取整个用户表。", IssueCategory.Security)]
    [InlineData("如何修改默认端口？", "文档里没有找到。", IssueCategory.Question)]
    [InlineData("保存するとアプリが落ちます", "最新版にしてから毎回です。", IssueCategory.Bug)]
    [InlineData("ログイン画面に脆弱性があります", "攻撃者がセッションを乗っ取れます。", IssueCategory.Security)]
    [InlineData("CSVに加えてPDFでも出力できるようにしてほしい", "新機能として提案します。", IssueCategory.Feature)]
    [InlineData("チュートリアルに誤字があります", "二つ目の例です。", IssueCategory.Documentation)]
    public void Classifies_issues_in_every_language(string title, string body, IssueCategory expected) =>
        Assert.Equal(expected, Categorise(title, body).Category);

    [Fact]
    public void A_category_label_takes_precedence_over_the_wording()
    {
        var result = Categorise("Crash when saving", "It crashes with an exception.", "type: enhancement");
        Assert.Equal(IssueCategory.Feature, result.Category);
        Assert.Contains(result.Cues, c => c.Source == "label" && c.Cue == "enhancement");
    }

    [Fact]
    public void A_severity_label_replaces_the_computed_severity()
    {
        var result = Categorise("Stored XSS in the comment field", "", "severity: low");
        Assert.Equal(IssueCategory.Security, result.Category);
        Assert.Equal(IssueSeverity.Low, result.Severity);
        Assert.Equal("severity label", result.SeverityReason);
    }

    [Theory]
    [InlineData("Stored XSS in the comment field", "", IssueSeverity.High)]
    [InlineData("Stored XSS in the comment field", "Tracked as CVE-2026-12345.", IssueSeverity.Critical)]
    [InlineData("Remote code execution through the upload endpoint", "", IssueSeverity.Critical)]
    [InlineData("Button colour is slightly off", "Looks wrong in the footer.", IssueSeverity.Medium)]
    [InlineData("App crashes when saving", "", IssueSeverity.High)]
    [InlineData("Import corrupts data in production", "We saw data loss on two tenants.", IssueSeverity.Critical)]
    [InlineData("Typo in the README", "", IssueSeverity.Low)]
    public void Severity_follows_the_category_and_is_raised_by_severity_phrases(string title, string body, IssueSeverity expected) =>
        Assert.Equal(expected, Categorise(title, body).Severity);

    [Fact]
    public void Security_words_raise_the_severity_of_an_issue_labelled_as_a_bug()
    {
        var result = Categorise("Search returns odd results", "Typing a quote into search looks like SQL injection to me.", "bug");
        Assert.Equal(IssueCategory.Bug, result.Category);
        Assert.Equal(IssueSeverity.High, result.Severity);
        Assert.Contains(result.Cues, c => c.Cue == "injection" && c.SeverityFloor == IssueSeverity.High);
    }

    [Fact]
    public void Dependency_injection_is_not_read_as_an_attack()
    {
        var result = Categorise("Use dependency injection for the clock", "Would be nice for tests.");
        Assert.Equal(IssueCategory.Feature, result.Category);
        Assert.DoesNotContain(result.Cues, c => c.Category == IssueCategory.Security);
    }

    [Fact]
    public void The_result_explains_itself_with_the_matched_cues_and_scores()
    {
        var result = Categorise("App crashes when saving", "It fails with an exception.");
        Assert.Contains(result.Cues, c => c is { Source: "title", Cue: "crash", Category: IssueCategory.Bug, Weight: 6 });
        Assert.Contains(result.Cues, c => c is { Source: "body", Cue: "exception", Weight: 2 });
        Assert.Equal(result.Cues.Where(c => c.Category == IssueCategory.Bug).Sum(c => c.Weight), result.Scores[IssueCategory.Bug]);
    }

    [Fact]
    public void Bug_is_not_found_inside_debug()
    {
        var result = Categorise("Enable debug logging", "Where is the setting for debug output?");
        Assert.DoesNotContain(result.Cues, c => c.Cue == "bug");
        Assert.Equal(IssueCategory.Question, result.Category);
    }

    [Fact]
    public void An_issue_without_any_cue_is_a_low_severity_question()
    {
        var result = Categorise("Hello", "Thanks for the project.");
        Assert.Equal(IssueCategory.Question, result.Category);
        Assert.Equal(IssueSeverity.Low, result.Severity);
    }
}
