using System.ClientModel.Primitives;
using System.Text.Json;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// What a provider's successful (2xx) answer really contained, judged from its bytes before the OpenAI client reads
/// it. The client turns an empty choice list into an index error, a truncated body into a JSON error and an error
/// object in a 200 into an empty answer; this keeps each of them its own outcome and reason. One capture per call,
/// reached by the pipeline through an <see cref="AsyncLocal{T}"/> that the call sets.
/// </summary>
internal sealed class AnswerCapture
{
    private static readonly AsyncLocal<AnswerCapture?> Current = new();

    /// <summary>Why the 2xx answer is not a usable completion; null when it is one or none was received.</summary>
    public (ProviderOutcome Outcome, string Error, int Status)? Failure { get; private set; }

    /// <summary>Starts capturing for the calling async flow (and the pipeline it awaits).</summary>
    public static AnswerCapture Begin()
    {
        var capture = new AnswerCapture();
        Current.Value = capture;
        return capture;
    }

    private void Record(PipelineResponse response)
    {
        if (response.Status is < 200 or > 299)
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(response.Content);
            var answer = ChatCompletionAnswer.Read(json.RootElement);
            Failure = answer.Error is { } error ? (answer.Outcome, error, response.Status) : null;
        }
        catch (JsonException exception)
        {
            Failure = (ProviderOutcome.Malformed, $"the answer is not valid JSON (truncated?): {exception.Message}", response.Status);
        }
        catch (InvalidOperationException)
        {
            // Not buffered (a stream): the client reads and judges it.
        }
    }

    /// <summary>Judges each answer right after the transport has read (buffered) it.</summary>
    internal sealed class Policy : PipelinePolicy
    {
        public static Policy Instance { get; } = new();

        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            ProcessNext(message, pipeline, currentIndex);
            Judge(message);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            await ProcessNextAsync(message, pipeline, currentIndex);
            Judge(message);
        }

        private static void Judge(PipelineMessage message)
        {
            if (Current.Value is { } capture && message.Response is { } response)
            {
                capture.Record(response);
            }
        }
    }
}
