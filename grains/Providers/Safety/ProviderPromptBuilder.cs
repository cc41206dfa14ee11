namespace Amas.Orleans.Providers.Safety;

/// <summary>
/// Turns a router request into the messages a provider receives: secrets redacted from everything, and any data
/// documents fenced as untrusted data after the prompt, under a system instruction that says so.
/// </summary>
public sealed class ProviderPromptBuilder(PromptSecretRedactor redactor)
{
    public ProviderRequest Build(GenerateRequest request)
    {
        var system = request.SystemPrompt is { Length: > 0 } asked ? redactor.Redact(asked) : null;
        var user = redactor.Redact(request.Prompt);
        if (request.Data is { Count: > 0 } data)
        {
            var nonce = UntrustedDataFence.NewNonce();
            system = system is null ? UntrustedDataFence.Instruction(nonce) : UntrustedDataFence.Instruction(nonce) + "\n\n" + system;
            user = user + "\n\n" + UntrustedDataFence.Render(data, nonce, redactor.Redact);
        }

        return new ProviderRequest
        {
            Messages = system is null ? [ProviderMessage.User(user)] : [ProviderMessage.System(system), ProviderMessage.User(user)],
            MaxTokens = request.MaxTokens,
            Temperature = request.Temperature,
        };
    }
}
