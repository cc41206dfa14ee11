using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class ProviderConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static ProvidersOptions Bind(IConfiguration configuration)
    {
        var options = new ProvidersOptions();
        configuration.GetSection(ProvidersOptions.SectionName).Bind(options);
        return options;
    }

    private static IReadOnlyList<ProviderDeployment> Catalog(params (string Key, string? Value)[] settings)
    {
        var configuration = Configuration(settings);
        return ProviderCatalog.Build(Bind(configuration), configuration);
    }

    [Fact]
    public void The_fifteen_built_in_providers_are_known_and_unconfigured_without_keys()
    {
        var deployments = Catalog();

        Assert.Equal(
            ["deepseek", "glm", "grok", "kimi", "qwen", "gptoss", "groq", "cerebras", "gemini", "codestral", "nvidia", "gemini2", "groq2", "cohere", "chutes"],
            deployments.Select(d => d.Id).ToArray());
        Assert.All(deployments, d => Assert.False(d.Configured));
        Assert.Equal("https://api.groq.com/openai/v1/chat/completions", deployments.Single(d => d.Id == "groq").ChatCompletionsUri.AbsoluteUri);
        Assert.Equal("https://open.bigmodel.cn/api/paas/v4/chat/completions", deployments.Single(d => d.Id == "glm").ChatCompletionsUri.AbsoluteUri);
    }

    [Fact]
    public void A_key_comes_from_the_provider_variable_or_the_conventional_one_and_never_shows_in_ToString()
    {
        var deployments = Catalog(("DEEPSEEK_API_KEY", "sk-deepseek"), ("AMAS_PROVIDERS:GROQ:APIKEY", "gsk-groq"));

        var deepseek = deployments.Single(d => d.Id == "deepseek");
        Assert.Equal("sk-deepseek", deepseek.ApiKey);
        Assert.Equal("gsk-groq", deployments.Single(d => d.Id == "groq").ApiKey);
        Assert.Equal("deepseek", deepseek.ToString());
        Assert.Equal(2, deployments.Count(d => d.Configured));
    }

    [Fact]
    public void Overrides_and_custom_providers_take_their_place_in_priority_order()
    {
        var deployments = Catalog(
            ("Amas:Providers:Deployments:chutes:Priority", "0"),
            ("Amas:Providers:Deployments:chutes:Timeout", "00:02:00"),
            ("Amas:Providers:Deployments:kimi:Enabled", "false"),
            ("Amas:Providers:Custom:ollama:BaseUrl", "http://127.0.0.1:11434/v1"),
            ("Amas:Providers:Custom:ollama:Model", "llama3.2"),
            ("Amas:Providers:Custom:ollama:Priority", "1"),
            ("Amas:Providers:Custom:ollama:ApiKey", "ollama"));

        Assert.Equal("chutes", deployments[0].Id);
        Assert.Equal(TimeSpan.FromMinutes(2), deployments[0].Timeout);
        Assert.DoesNotContain(deployments, d => d.Id == "kimi");
        var ollama = deployments.Single(d => d.Id == "ollama");
        Assert.True(ollama.IsCustom);
        Assert.True(ollama.Configured);
        Assert.Equal("http://127.0.0.1:11434/v1/chat/completions", ollama.ChatCompletionsUri.AbsoluteUri);
    }

    [Fact]
    public void The_defaults_are_valid()
        => Assert.True(new ProvidersOptionsValidator().Validate(null, new ProvidersOptions()).Succeeded);

    [Fact]
    public void Bad_settings_fail_with_the_key_and_the_problem()
    {
        var options = Bind(Configuration(
            ("Amas:Providers:Strategy", "random"),
            ("Amas:Providers:MaxAttempts", "0"),
            ("Amas:Providers:Deployments:openai:Model", "gpt"),
            ("Amas:Providers:Deployments:groq:Timeout", "01:00:00"),
            ("Amas:Providers:Custom:local:Model", "m"),
            ("Amas:Providers:Custom:groq:BaseUrl", "http://127.0.0.1/v1"),
            ("Amas:Providers:Custom:groq:Model", "m"),
            ("Amas:Providers:Custom:web:BaseUrl", "ftp://example.org"),
            ("Amas:Providers:Custom:web:Model", "m"),
            ("Amas:Providers:Custom:web:Adapter", "bedrock")));

        var result = new ProvidersOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Amas:Providers:Strategy is 'random'", StringComparison.Ordinal));
        Assert.Contains("Amas:Providers:MaxAttempts must be between 1 and 20.", failures);
        Assert.Contains(failures, f => f.StartsWith("Amas:Providers:Deployments:openai is not a built-in provider", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Amas:Providers:Deployments:groq:Timeout must be above zero and at most", StringComparison.Ordinal));
        Assert.Contains("Amas:Providers:Custom:local:BaseUrl is required for a custom provider (an OpenAI-compatible base URL).", failures);
        Assert.Contains(failures, f => f.StartsWith("Amas:Providers:Custom:groq has the id of a built-in provider", StringComparison.Ordinal));
        Assert.Contains("Amas:Providers:Custom:web:BaseUrl 'ftp://example.org' is not an absolute http or https URL.", failures);
        Assert.Contains(failures, f => f.StartsWith("Amas:Providers:Custom:web:Adapter 'bedrock' is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mode_that_needs_more_keys_than_are_set_fails_naming_the_missing_keys()
    {
        var configuration = Configuration(("Amas:Providers:Mode", "standard"), ("GROQ_API_KEY", "gsk-1"));

        var result = new ProvidersOptionsValidator(configuration).Validate(null, Bind(configuration));

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Amas:Providers:Mode 'standard' needs 3 configured providers but 1 has a key. Missing keys: deepseek (AMAS_PROVIDERS__DEEPSEEK__APIKEY or DEEPSEEK_API_KEY)", failure);
        Assert.DoesNotContain("gsk-1", failure);
    }

    [Fact]
    public void A_mode_that_the_keys_satisfy_passes()
    {
        var configuration = Configuration(("Amas:Providers:Mode", "basic"), ("AMAS_PROVIDERS:COHERE:APIKEY", "co-1"));

        Assert.True(new ProvidersOptionsValidator(configuration).Validate(null, Bind(configuration)).Succeeded);
    }

    [Fact]
    public void An_unknown_mode_fails()
        => Assert.Contains("Amas:Providers:Mode is 'most'; use one of minimal, basic, standard, full.",
            new ProvidersOptionsValidator().Validate(null, new ProvidersOptions { Mode = "most" }).Failures!);
}
