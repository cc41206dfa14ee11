using System.Text.Json;
using System.Xml;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Picks the reader for a file and turns a malformed manifest into a counted error, never a crash.</summary>
public sealed class ManifestScanner
{
    public static IReadOnlyList<IManifestReader> DefaultReaders { get; } =
    [
        new NuGetProjectReader(),
        new NuGetLockReader(),
        new NpmPackageJsonReader(),
        new NpmLockReader(),
        new PipRequirementsReader(),
        new PoetryLockReader(),
        new GoModReader(),
        new CargoLockReader(),
        new MavenPomReader(),
    ];

    private readonly IReadOnlyList<IManifestReader> _readers;

    public ManifestScanner(IReadOnlyList<IManifestReader>? readers = null) => _readers = readers ?? DefaultReaders;

    public bool IsManifest(string path) => _readers.Any(r => r.CanRead(path));

    public ManifestReadResult Read(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = _readers.FirstOrDefault(r => r.CanRead(file.Path));
        if (reader is null)
        {
            return new ManifestReadResult(file.Path, [], null);
        }

        try
        {
            return new ManifestReadResult(file.Path, reader.Read(file), null);
        }
        // Manifests are untrusted input: anything a reader can throw on odd content is one counted parse error.
        catch (Exception e) when (e is ManifestFormatException or JsonException or XmlException
            or InvalidOperationException or FormatException or ArgumentException or Tomlyn.TomlException)
        {
            return new ManifestReadResult(file.Path, [], e.Message);
        }
    }
}
