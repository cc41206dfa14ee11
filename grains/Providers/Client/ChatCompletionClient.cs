using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// One chat completion through the deployment's <see cref="IChatClient"/>, turned into a <see cref="ProviderCallResult"/>
/// whose outcome says exactly what went wrong. Nothing retries here (the router does); every failure (a status, a
/// header, a cut-off body, an empty choice list) is classified in one place, from the raw response the OpenAI client
/// received (<see cref="ClientResultException.GetRawResponse"/>, or <see cref="AnswerCapture"/> for a 2xx answer).
/// </summary>
public sealed class ChatCompletionClient(
    ProviderChatClients chatClients,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time)
{
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

        var adapter = ChatRequestAdapter.For(deployment.Adapter);
        var capture = AnswerCapture.Begin();
        try
        {
            var response = await chatClients.For(deployment).GetResponseAsync(adapter.Messages(request), adapter.Options(request), linked.Token);
            if (capture.Failure is { } failure)
            {
                return Failed(failure.Outcome, failure.Error, failure.Status);
            }

            return new ProviderCallResult
            {
                Provider = deployment.Id,
                Outcome = ProviderOutcome.Success,
                Called = true,
                StatusCode = (int)HttpStatusCode.OK,
                Content = response.Text,
                Model = response.ModelId ?? deployment.Model,
                PromptTokens = Tokens(response.Usage?.InputTokenCount),
                CompletionTokens = Tokens(response.Usage?.OutputTokenCount),
                Latency = time.GetElapsedTime(started),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(ProviderOutcome.Cancelled, "cancelled by the caller");
        }
        catch (OperationCanceledException)
        {
            // Our own deadline, or the client's network timeout (the same provider timeout, on the real clock).
            return Failed(ProviderOutcome.Timeout, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception) when (capture.Failure is { } failure)
        {
            // The client choked on a 2xx answer (truncated JSON, no choices): the capture knows why.
            return Failed(failure.Outcome, failure.Error, failure.Status);
        }
        catch (ClientResultException exception) when (exception.GetRawResponse() is { } response)
        {
            return FromStatus(response, Failed);
        }
        catch (Exception exception) when (Find<JsonException>(exception) is { } json)
        {
            return Failed(ProviderOutcome.Malformed, $"the answer is not valid JSON (truncated?): {json.Message}");
        }
        catch (Exception exception) when (Find<HttpRequestException>(exception) is { } http)
        {
            return http.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
                ? Failed(ProviderOutcome.Malformed, $"the answer was cut off: {http.Message}")
                : Failed(ProviderOutcome.ConnectionFailed, $"could not reach {deployment.BaseUrl.Authority} ({http.HttpRequestError}): {http.Message}");
        }
        catch (Exception exception) when (Find<IOException>(exception) is { } io)
        {
            return Failed(ProviderOutcome.Malformed, $"the answer was cut off: {io.Message}");
        }
    }

    private ProviderCallResult FromStatus(
        PipelineResponse response, Func<ProviderOutcome, string, int?, DateTimeOffset?, ProviderCallResult> failed)
    {
        var status = response.Status;
        var detail = ErrorDetail(response);
        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => failed(ProviderOutcome.RateLimited, $"HTTP 429 (rate limited){detail}", status,
                RetryAfter.From(name => response.Headers.TryGetValue(name, out var value) ? value : null, time.GetUtcNow())),
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Conflict or >= (int)HttpStatusCode.InternalServerError
                => failed(ProviderOutcome.ServerError, $"HTTP {status}{detail}", status, null),
            // 400, 401, 403, 404…: what we send, our key or our URL is wrong for this provider.
            _ => failed(ProviderOutcome.Misconfigured, $"HTTP {status}{detail}", status, null),
        };
    }

    /// <summary>The provider's own words about the error, when it sent some, for the attempt list.</summary>
    private static string ErrorDetail(PipelineResponse response)
    {
        string text;
        try
        {
            text = response.Content.ToString();
        }
        catch (InvalidOperationException)
        {
            // Not buffered: there are no words to quote.
            return "";
        }

        var message = ChatCompletionAnswer.ErrorMessage(text);
        return string.IsNullOrWhiteSpace(message) ? "" : ": " + Shorten(message);
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static int Tokens(long? count) => count is { } n ? (int)Math.Clamp(n, 0, int.MaxValue) : 0;

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    /// <summary>Some providers echo the key they were given in their error text; it must not reach a log or a client.</summary>
    private static string Redact(string text, string? apiKey)
        => string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
}
