using Amas.Orleans.Providers.Client;
using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Providers.Tests.Unit;

/// <summary>
/// What goes over the wire through the IChatClient stack (Microsoft.Extensions.AI over the OpenAI client), seen by
/// the fake provider on 127.0.0.1: the adapters' quirks hold on the real body, and the OpenAI client never retries.
/// </summary>
public sealed class ChatWireTests : IAsyncLifetime
{
    private const string Key = "wire-test-key";
    private FakeProviderServer _server = null!;
    private ServiceProvider _services = null!;

    private static readonly ProviderRequest Named = new()
    {
        Messages = [ProviderMessage.System("be brief"), new ProviderMessage("user", "hi", Name: "alice")],
        MaxTokens = 64,
        Temperature = 0.5,
    };

    public async Task InitializeAsync()
    {
        _server = await FakeProviderServer.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient(ProviderChatClients.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ProviderChatClients>();
        services.AddKeyedSingleton(ProviderServices.ClockKey, TimeProvider.System);
        services.AddSingleton<ChatCompletionClient>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_groq_request_has_no_message_names_no_n_and_max_tokens_and_its_usage_is_read()
    {
        _server.Script("wire-groq").Then(FakeReply.Answer("hello"));

        var result = await CompleteAsync("wire-groq", "groq");

        Assert.Equal(ProviderOutcome.Success, result.Outcome);
        Assert.Equal(("hello", "wire-groq-model", 5, 7), (result.Content, result.Model, result.PromptTokens, result.CompletionTokens));
        var sent = Assert.Single(_server.Script("wire-groq").Received);
        Assert.Equal("/wire-groq/v1/chat/completions", sent.Path);
        Assert.Equal(Key, sent.BearerToken);
        Assert.Equal("wire-groq-model", sent.Body["model"]!.GetValue<string>());
        Assert.Equal(64, sent.Body["max_tokens"]!.GetValue<int>());
        Assert.False(sent.Body.ContainsKey("max_completion_tokens"));
        Assert.False(sent.Body.ContainsKey("n"));
        var messages = sent.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("hi", messages[1]!["content"]!.GetValue<string>());
        Assert.All(messages, m => Assert.False(m!.AsObject().ContainsKey("name")));
    }

    [Fact]
    public async Task An_openai_style_request_keeps_the_author_name()
    {
        _server.Script("wire-openai").Then(FakeReply.Answer("hello"));

        await CompleteAsync("wire-openai", "openai");

        var sent = Assert.Single(_server.Script("wire-openai").Received);
        Assert.Equal("alice", sent.Body["messages"]![1]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task The_openai_client_never_retries_a_failure_itself(int status)
    {
        var provider = $"wire-retry-{status}";
        _server.Script(provider).Always(FakeReply.Status(status, """{"error":{"message":"no"}}""", ("Retry-After", "0")));

        var result = await CompleteAsync(provider, "openai");

        Assert.False(result.IsSuccess);
        Assert.Equal(status, result.StatusCode);
        Assert.Single(_server.Script(provider).Received);
    }

    private Task<ProviderCallResult> CompleteAsync(string id, string adapter)
    {
        var deployment = new ProviderDeployment
        {
            Id = id,
            Name = id,
            BaseUrl = new Uri(_server.BaseUrlFor(id)),
            Model = id + "-model",
            Priority = 1,
            Timeout = TimeSpan.FromSeconds(30),
            Adapter = adapter,
            IsCustom = true,
            KeySources = [],
            ApiKey = Key,
        };
        return _services.GetRequiredService<ChatCompletionClient>().CompleteAsync(deployment, Named, deployment.Timeout, CancellationToken.None);
    }
}
