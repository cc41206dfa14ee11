using System.Text.Json;
using System.Text.Json.Nodes;
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
        var adapter = ChatRequestAdapter.For("groq");
        var body = JsonNode.Parse("""
            {"model":"llama","n":2,"max_completion_tokens":64,"messages":[{"role":"user","content":"hi","name":"alice"}]}
            """)!.AsObject();

        adapter.Rewrite(body);

        Assert.Null(Assert.Single(adapter.Messages(Named)).AuthorName);
        Assert.False(body["messages"]![0]!.AsObject().ContainsKey("name"));
        Assert.False(body.ContainsKey("n"));
        Assert.False(body.ContainsKey("max_completion_tokens"));
        Assert.Equal(64, body["max_tokens"]!.GetValue<int>());
        Assert.Equal("llama", body["model"]!.GetValue<string>());
    }

    [Fact]
    public void The_openai_adapter_keeps_message_names()
    {
        var adapter = ChatRequestAdapter.For("openai");
        var body = JsonNode.Parse("""{"messages":[{"role":"user","content":"hi","name":"alice"}]}""")!.AsObject();

        adapter.Rewrite(body);

        Assert.Equal("alice", Assert.Single(adapter.Messages(Named)).AuthorName);
        Assert.Equal("alice", body["messages"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_options_carry_max_tokens_and_temperature()
    {
        var options = ChatRequestAdapter.For("openai").Options(Named);

        Assert.Equal(64, options.MaxOutputTokens);
        Assert.Equal(0.2f, options.Temperature);
    }

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
