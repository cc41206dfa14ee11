using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// One <see cref="IChatClient"/> per provider deployment: the OpenAI .NET client pointed at the deployment's base URL,
/// with no retries of its own (the router owns retries and failover), the deployment's timeout as its network
/// timeout, and our named <see cref="HttpClient"/> (its handler settings, no resilience handler) as its transport.
/// </summary>
public sealed class ProviderChatClients(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "amas-providers";

    private readonly ConcurrentDictionary<string, (ProviderDeployment Deployment, IChatClient Client)> _clients = new(StringComparer.OrdinalIgnoreCase);

    public IChatClient For(ProviderDeployment deployment)
    {
        // Keyed by id, rebuilt if the catalog ever hands out a different deployment (another key or URL) for it.
        var entry = _clients.AddOrUpdate(
            deployment.Id,
            (_, d) => (d, Create(d)),
            (_, existing, d) => ReferenceEquals(existing.Deployment, d) ? existing : (d, Create(d)),
            deployment);
        return entry.Client;
    }

    private IChatClient Create(ProviderDeployment deployment)
    {
        var options = new OpenAIClientOptions
        {
            // Without a trailing slash, so that the client's "/chat/completions" lands where ChatCompletionsUri says.
            Endpoint = new Uri(deployment.BaseUrl.AbsoluteUri.TrimEnd('/')),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = deployment.Timeout,
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName)),
        };
        options.AddPolicy(new AdapterRequestPolicy(ChatRequestAdapter.For(deployment.Adapter)), PipelinePosition.BeforeTransport);
        options.AddPolicy(AnswerCapture.Policy.Instance, PipelinePosition.BeforeTransport);

        var key = new ApiKeyCredential(deployment.ApiKey ?? throw new InvalidOperationException($"Provider '{deployment.Id}' has no key."));
        return new OpenAIClient(key, options).GetChatClient(deployment.Model).AsIChatClient();
    }
}
