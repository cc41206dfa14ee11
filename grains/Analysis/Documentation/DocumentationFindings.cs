namespace Amas.Orleans.Analysis.Documentation;

public static class DocumentationFindings
{
    public const string AgentName = "DocumentationAuditor";

    public const string Category = "documentation";

    /// <summary>No README at the repository root.</summary>
    public const string MissingReadme = "DOC001";

    /// <summary>A public API with neither a doc comment nor a mention in the README or docs.</summary>
    public const string UndocumentedApi = "DOC002";
}
