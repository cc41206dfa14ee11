namespace Amas.Orleans.Analysis;

/// <summary>One file's text as analysers see it.</summary>
/// <param name="Path">Relative to the repository root, forward slashes; it is what findings name.</param>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The file's extension in lower case with its dot (".cs"), or "" when it has none.</summary>
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
}
