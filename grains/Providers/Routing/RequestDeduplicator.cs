using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// Identical requests in flight at the same time share one routing (and so one provider call). Per silo, so the
/// router's activations share it. Only in-flight requests are shared: a request after the answer is a new call.
/// </summary>
public sealed class RequestDeduplicator
{
    private readonly ConcurrentDictionary<string, Task<GenerateResponse>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="route"/> unless an identical request runs already. The shared routing is bounded by its
    /// own deadline, not by one caller's token: a caller that gives up must not cancel the others' answer.
    /// </summary>
    public Task<GenerateResponse> RunAsync(GenerateRequest request, Func<Task<GenerateResponse>> route, CancellationToken cancellationToken)
    {
        var key = KeyOf(request);
        var mine = new TaskCompletionSource<GenerateResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _inFlight.GetOrAdd(key, mine.Task);
        if (shared == mine.Task)
        {
            _ = RunSharedAsync(key, route, mine);
        }

        return shared.WaitAsync(cancellationToken);
    }

    public int InFlight => _inFlight.Count;

    /// <summary>What makes two requests the same question: the text and the options that change the answer, not the routing.</summary>
    public static string KeyOf(GenerateRequest request)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Add(request.Prompt);
        Add(request.SystemPrompt);
        Add(request.MaxTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(request.Temperature?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Add(request.Providers is null ? null : string.Join(',', request.Providers.Order(StringComparer.OrdinalIgnoreCase)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task RunSharedAsync(string key, Func<Task<GenerateResponse>> route, TaskCompletionSource<GenerateResponse> answer)
    {
        try
        {
            answer.SetResult(await route());
        }
        catch (Exception exception)
        {
            answer.SetException(exception);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<GenerateResponse>>(key, answer.Task));
        }
    }
}
