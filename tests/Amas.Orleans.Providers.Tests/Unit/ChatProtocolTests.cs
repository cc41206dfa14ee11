using System.Text.Json;
using Amas.Orleans.Providers.Client;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class ChatProtocolTests
{
    private static readonly ProviderRequest Named = new()
    {
        Messages = [new ProviderMessage("user", "hi", Name: "alice")],
        MaxTokens = 64,
        Temperature = 0.2,
    };

    [Fact]
    public void The_groq_adapter_drops_message_names_and_never_sends_n()
    {
        var body = ChatRequestAdapter.For("groq").Write("llama", Named);

        Assert.False(body["messages"]![0]!.AsObject().ContainsKey("name"));
        Assert.False(body.ContainsKey("n"));
        Assert.Equal(64, body["max_tokens"]!.GetValue<int>());
        Assert.Equal("llama", body["model"]!.GetValue<string>());
    }

    [Fact]
    public void The_openai_adapter_keeps_message_names()
        => Assert.Equal("alice", ChatRequestAdapter.For("openai").Write("m", Named)["messages"]![0]!["name"]!.GetValue<string>());

    [Fact]
    public void A_well_formed_answer_gives_content_model_and_usage()
    {
        using var json = JsonDocument.Parse("""
            {"model":"m-1","choices":[{"message":{"role":"assistant","content":"hello"}}],"usage":{"prompt_tokens":3,"completion_tokens":4}}
            """);

        var answer = ChatCompletionAnswer.Read(json.RootElement);

        Assert.Equal(("hello", "m-1", 3, 4, ProviderOutcome.Success), (answer.Content, answer.Model, answer.PromptTokens, answer.CompletionTokens, answer.Outcome));
    }

    [Theory]
    [InlineData("""{"choices":[]}""", "empty choices")]
    [InlineData("""{"id":"x"}""", "no choices")]
    [InlineData("""{"choices":[{"message":{"role":"assistant","content":null}}]}""", "no content")]
    [InlineData("""[1,2]""", "not an object")]
    public void Answers_without_usable_content_are_malformed(string body, string reason)
    {
        using var json = JsonDocument.Parse(body);

        var answer = ChatCompletionAnswer.Read(json.RootElement);

        Assert.Equal(ProviderOutcome.Malformed, answer.Outcome);
        Assert.Contains(reason, answer.Error);
    }

    [Fact]
    public void An_error_object_in_a_200_answer_is_a_server_error()
    {
        using var json = JsonDocument.Parse("""{"error":{"message":"upstream provider down","code":502}}""");

        var answer = ChatCompletionAnswer.Read(json.RootElement);

        Assert.Equal(ProviderOutcome.ServerError, answer.Outcome);
        Assert.Contains("upstream provider down", answer.Error);
    }
}
