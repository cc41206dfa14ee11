using Amas.Orleans.Providers.Safety;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class PromptSecretRedactorTests
{
    private readonly PromptSecretRedactor _redactor = new();

    [Fact]
    public void A_prompt_without_secrets_is_left_as_it_is()
    {
        const string prompt = "Summarise the failing test in two sentences.";

        Assert.Same(prompt, _redactor.Redact(prompt));
    }

    [Fact]
    public void Each_secret_is_replaced_by_its_kind_and_the_text_around_it_stays()
    {
        var token = PlantedSecret.GitHubToken();

        var redacted = _redactor.Redact($"first {token} then {token}.");

        Assert.Equal("first [redacted secret/github-token] then [redacted secret/github-token].", redacted);
    }
}
