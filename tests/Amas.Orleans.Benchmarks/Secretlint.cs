using System.Text.Json;

namespace Amas.Orleans.Benchmarks;

/// <summary>
/// secretlint installed with <c>npm install --prefix DIR secretlint @secretlint/secretlint-rule-preset-recommend</c>
/// and configured by DIR/.secretlintrc.json with the recommended preset (written here when missing).
/// </summary>
public sealed record Secretlint(string Script, string Config, string Version)
{
    public static Secretlint? Find(string prefix)
    {
        var package = Path.Combine(prefix, "node_modules", "secretlint");
        var script = Path.Combine(package, "bin", "secretlint.js");
        if (!File.Exists(script))
        {
            return null;
        }

        var config = Path.Combine(prefix, ".secretlintrc.json");
        if (!File.Exists(config))
        {
            File.WriteAllText(config, """{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }""");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "package.json")));
        var preset = Path.Combine(prefix, "node_modules", "@secretlint", "secretlint-rule-preset-recommend", "package.json");
        using var presetJson = JsonDocument.Parse(File.ReadAllText(preset));
        var version = json.RootElement.GetProperty("version").GetString()
            + " (preset-recommend " + presetJson.RootElement.GetProperty("version").GetString() + ")";
        return new Secretlint(script, config, version);
    }

    /// <summary>Each message of secretlint's JSON report as the file (relative to <paramref name="root"/>) and start line.</summary>
    public static List<(string File, int Line)> ReadJsonFindings(string path, string root)
    {
        var hits = new List<(string File, int Line)>();
        if (!File.Exists(path))
        {
            return hits;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var file in json.RootElement.EnumerateArray())
        {
            var relative = Path.GetRelativePath(root, file.GetProperty("filePath").GetString()!).Replace('\\', '/');
            foreach (var message in file.GetProperty("messages").EnumerateArray())
            {
                hits.Add((relative, message.GetProperty("loc").GetProperty("start").GetProperty("line").GetInt32()));
            }
        }

        return hits;
    }
}
