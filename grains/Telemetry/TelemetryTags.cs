namespace Amas.Orleans.Telemetry;

/// <summary>Attribute names on spans and metrics; gen_ai.* follow the OpenTelemetry GenAI conventions.</summary>
public static class TelemetryTags
{
    public const string TaskId = "amas.task.id";
    public const string TaskKind = "amas.task.kind";
    public const string Outcome = "amas.outcome";
    public const string Layer = "amas.layer";
    public const string LayerName = "amas.layer.name";
    public const string Agent = "amas.agent";
    public const string Silo = "amas.silo";
    public const string Provider = "amas.provider";
    public const string TokenType = "gen_ai.token.type";
    public const string GenAiOperation = "gen_ai.operation.name";
    public const string GenAiModel = "gen_ai.request.model";
    public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
    public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
    public const string HttpStatusCode = "http.response.status_code";
}
