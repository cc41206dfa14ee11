using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// One OpenAI-compatible chat completion over HTTP, turned into a <see cref="ProviderCallResult"/> whose outcome
/// says exactly what went wrong. Written by hand instead of over the OpenAI SDK so that nothing retries behind the
/// router's back and every failure (a status, a header, a cut-off body, an empty choice list) is classified here,
/// in one place, from the bytes the provider sent.
/// </summary>
public sealed class ChatCompletionClient(
    IHttpClientFactory httpClients,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time)
{
    public const string HttpClientName = "amas-providers";
    private const int MaxErrorLength = 300;

    public async Task<ProviderCallResult> CompleteAsync(
        ProviderDeployment deployment, ProviderRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        ProviderCallResult Failed(ProviderOutcome outcome, string error, int? status = null, DateTimeOffset? retryAt = null) => new()
        {
            Provider = deployment.Id,
            Outcome = outcome,
            Called = true,
            StatusCode = status,
            Error = Redact(error, deployment.ApiKey),
            Latency = time.GetElapsedTime(started),
            RetryAt = retryAt,
        };

        try
        {
            var body = ChatRequestAdapter.For(deployment.Adapter).Write(deployment.Model, request);
            using var message = new HttpRequestMessage(HttpMethod.Post, deployment.ChatCompletionsUri)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.ApiKey);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var detail = await ReadErrorAsync(response, linked.Token);
                return response.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => Failed(ProviderOutcome.RateLimited, $"HTTP 429 (rate limited){detail}", status,
                        RetryAfter.From(name => Header(response, name), time.GetUtcNow())),
                    HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError
                        => Failed(ProviderOutcome.ServerError, $"HTTP {status}{detail}", status),
                    // 400, 401, 403, 404…: what we send, our key or our URL is wrong for this provider.
                    _ => Failed(ProviderOutcome.Misconfigured, $"HTTP {status}{detail}", status),
                };
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token);
            var answer = ChatCompletionAnswer.Read(json.RootElement);
            if (answer.Error is { } error)
            {
                return Failed(answer.Outcome, error, (int)response.StatusCode);
            }

            return new ProviderCallResult
            {
                Provider = deployment.Id,
                Outcome = ProviderOutcome.Success,
                Called = true,
                StatusCode = (int)response.StatusCode,
                Content = answer.Content,
                Model = answer.Model ?? deployment.Model,
                PromptTokens = answer.PromptTokens,
                CompletionTokens = answer.CompletionTokens,
                Latency = time.GetElapsedTime(started),
            };
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(ProviderOutcome.Timeout, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(ProviderOutcome.Cancelled, "cancelled by the caller");
        }
        catch (JsonException exception)
        {
            return Failed(ProviderOutcome.Malformed, $"the answer is not valid JSON (truncated?): {exception.Message}");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            return Failed(ProviderOutcome.Malformed, $"the answer was cut off: {exception.Message}");
        }
        catch (HttpRequestException exception)
        {
            return Failed(ProviderOutcome.ConnectionFailed, $"could not reach {deployment.BaseUrl.Authority} ({exception.HttpRequestError}): {exception.Message}");
        }
        catch (IOException exception)
        {
            return Failed(ProviderOutcome.Malformed, $"the answer was cut off: {exception.Message}");
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    /// <summary>The provider's own words about the error, when it sent some, for the attempt list.</summary>
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var message = ChatCompletionAnswer.ErrorMessage(text);
            return string.IsNullOrWhiteSpace(message) ? "" : ": " + Shorten(message);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    /// <summary>Some providers echo the key they were given in their error text; it must not reach a log or a client.</summary>
    private static string Redact(string text, string? apiKey)
        => string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
}
