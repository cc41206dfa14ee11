namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Maps a file extension to the way its code is read.</summary>
public static class SourceLanguageDetector
{
    private static readonly Dictionary<string, SourceLanguage> ByExtension = new(StringComparer.Ordinal)
    {
        [".cs"] = SourceLanguage.CSharp,
        [".py"] = SourceLanguage.Python,
        [".pyw"] = SourceLanguage.Python,
        [".pyi"] = SourceLanguage.Python,
        [".js"] = SourceLanguage.JavaScript,
        [".mjs"] = SourceLanguage.JavaScript,
        [".cjs"] = SourceLanguage.JavaScript,
        [".jsx"] = SourceLanguage.JavaScript,
        [".ts"] = SourceLanguage.TypeScript,
        [".tsx"] = SourceLanguage.TypeScript,
        [".mts"] = SourceLanguage.TypeScript,
        [".cts"] = SourceLanguage.TypeScript,
        [".java"] = SourceLanguage.Java,
        [".go"] = SourceLanguage.Go,
        [".c"] = SourceLanguage.CLike,
        [".h"] = SourceLanguage.CLike,
        [".cc"] = SourceLanguage.CLike,
        [".cpp"] = SourceLanguage.CLike,
        [".cxx"] = SourceLanguage.CLike,
        [".hpp"] = SourceLanguage.CLike,
        [".hh"] = SourceLanguage.CLike,
        [".hxx"] = SourceLanguage.CLike,
        [".kt"] = SourceLanguage.CLike,
        [".kts"] = SourceLanguage.CLike,
        [".scala"] = SourceLanguage.CLike,
        [".swift"] = SourceLanguage.CLike,
        [".rs"] = SourceLanguage.CLike,
        [".dart"] = SourceLanguage.CLike,
    };

    /// <param name="extension">Lower case with its dot, as <see cref="SourceFile.Extension"/> gives it.</param>
    public static SourceLanguage FromExtension(string extension) =>
        ByExtension.GetValueOrDefault(extension, SourceLanguage.Unknown);
}
