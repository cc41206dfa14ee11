using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// The last step before the transport: hands the JSON body the OpenAI client wrote to the provider's
/// <see cref="ChatRequestAdapter"/>, for the quirks that <see cref="Microsoft.Extensions.AI.ChatOptions"/> cannot express.
/// </summary>
internal sealed class AdapterRequestPolicy(ChatRequestAdapter adapter) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Rewrite(PipelineMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, message.CancellationToken);
        buffer.Position = 0;
        if (JsonNode.Parse(buffer) is not JsonObject body)
        {
            return;
        }

        adapter.Rewrite(body);
        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
