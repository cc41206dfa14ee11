namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Reads one kind of manifest or lock file into the dependencies it declares.</summary>
public interface IManifestReader
{
    Ecosystem Ecosystem { get; }

    /// <summary>Decides by file name alone, so the agent can pick files without opening them.</summary>
    bool CanRead(string path);

    /// <summary>
    /// Throws <see cref="ManifestFormatException"/>, <see cref="System.Text.Json.JsonException"/> or
    /// <see cref="System.Xml.XmlException"/> for a file it cannot make sense of; <see cref="ManifestScanner"/> counts
    /// those instead of failing the run.
    /// </summary>
    IReadOnlyList<Dependency> Read(SourceFile file);
}
