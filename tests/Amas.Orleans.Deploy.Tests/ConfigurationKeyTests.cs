using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amas.Orleans.Deploy.Tests.Support;
using static Amas.Orleans.Deploy.Tests.Support.Manifests;

namespace Amas.Orleans.Deploy.Tests;

/// <summary>
/// Every configuration key a silo reads is either set wherever silos are started (both Kubernetes overlays, the
/// compose file, and the local multi-process scripts under <c>deploy/local/</c> when they exist) or listed under
/// "Optional configuration keys" in docs/deploy.md.
/// </summary>
public sealed partial class ConfigurationKeyTests
{
    /// <summary>
    /// The keys the silo reads (silo/Hosting/SiloHostOptions.cs, ConnectionStrings.cs, TelemetryOptions.cs,
    /// grains/Repositories/RepositoryOptions.cs, OsintOptions, ForensicsOptions, UploadOptions, ValidationCommandOptions). A trailing <c>:*</c>
    /// stands for a section of tuning keys.
    /// </summary>
    public static readonly string[] SiloKeys =
    [
        "Amas:Silo:Clustering",
        "Amas:Silo:Persistence",
        "Amas:Silo:AdvertisedAddress",
        "Amas:Silo:ServiceId",
        "Amas:Silo:ClusterId",
        "Amas:Silo:SiloPort",
        "Amas:Silo:GatewayPort",
        "Amas:Silo:Dashboard",
        "Amas:Silo:Kubernetes",
        "Amas:Silo:Membership:*",
        "Amas:Redis:ConnectionString",
        "Amas:Postgres:ConnectionString",
        "Amas:Repositories:AllowedRoots",
        "Amas:Repositories:AllowedGitSchemes",
        "Amas:Repositories:AllowedGitHosts",
        "Amas:Repositories:CacheDirectory",
        "Amas:Repositories:MaxFileBytes",
        "Amas:Repositories:GitTimeout",
        "Amas:Telemetry:OtlpEndpoint",
        "Amas:Telemetry:OtlpProtocol",
        "Amas:Telemetry:ServiceName",
        "Amas:Osint:*",
        "Amas:Forensics:AllowedRoots",
        "Amas:Uploads:*",
        "Amas:Fixes:ValidationCommand:*",
    ];

    /// <summary>Sections the silo binds whole; a variable under one of them is not a typo.</summary>
    private static readonly string[] OtherSections = ["Amas:Orchestrator", "Amas:Providers", "Amas:CodeQuality", "Amas:Dependencies", "Amas:Retention", "Amas:Forensics"];

    public static TheoryData<string> Keys => new(SiloKeys);

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Every_key_the_silo_reads_is_set_everywhere_silos_start_or_documented_as_optional(string key)
    {
        if (OptionalKeysInDocs().Contains(key))
        {
            return;
        }

        var missing = new List<string>();
        foreach (var (where, names) in await SiloEnvironmentsAsync())
        {
            if (!names.Any(name => Sets(name, key)))
            {
                missing.Add(where);
            }
        }

        Assert.True(missing.Count == 0,
            $"{key} is not set in {string.Join(", ", missing)} and docs/deploy.md does not list it under 'Optional configuration keys'.");
    }

    [Fact]
    public async Task Every_Amas_variable_given_to_silos_names_a_key_the_silo_reads()
    {
        foreach (var (where, names) in await SiloEnvironmentsAsync())
        {
            foreach (var name in names.Where(n => n.StartsWith("Amas__", StringComparison.Ordinal)))
            {
                var key = name.Replace("__", ":", StringComparison.Ordinal);
                Assert.True(SiloKeys.Any(k => Sets(name, k)) || OtherSections.Any(s => key.StartsWith(s + ":", StringComparison.Ordinal)),
                    $"{where} sets {name}, which no silo option reads (a typo?).");
            }
        }
    }

    [Fact]
    public void The_hand_written_key_list_covers_every_silo_and_repository_option()
    {
        var sources = new (string File, string Section)[]
        {
            (Repository.PathOf("silo", "Hosting", "SiloHostOptions.cs"), "Amas:Silo"),
            (Repository.PathOf("grains", "Repositories", "RepositoryOptions.cs"), "Amas:Repositories"),
        };
        foreach (var (file, section) in sources)
        {
            var properties = PropertyPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(properties);
            foreach (var property in properties)
            {
                Assert.True(SiloKeys.Contains($"{section}:{property}"), $"{section}:{property} ({Path.GetFileName(file)}) is missing from SiloKeys.");
            }
        }

        var connectionStrings = File.ReadAllText(Repository.PathOf("silo", "Hosting", "ConnectionStrings.cs"));
        foreach (Match constant in KeyConstantPattern().Matches(connectionStrings))
        {
            Assert.Contains(constant.Groups[1].Value, SiloKeys);
        }
    }

    [Fact]
    public void The_optional_keys_in_the_docs_are_keys_the_silo_reads()
    {
        var optional = OptionalKeysInDocs();
        Assert.NotEmpty(optional);
        Assert.All(optional, key => Assert.Contains(key, SiloKeys));
    }

    /// <summary>env name <c>Amas__Repositories__AllowedGitHosts__0</c> sets key <c>Amas:Repositories:AllowedGitHosts</c>.</summary>
    private static bool Sets(string variable, string key)
    {
        var prefix = key.TrimEnd('*').TrimEnd(':').Replace(":", "__", StringComparison.Ordinal);
        return variable == prefix || variable.StartsWith(prefix + "__", StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<(string Where, IReadOnlyList<string> Names)>> SiloEnvironmentsAsync()
    {
        var environments = new List<(string, IReadOnlyList<string>)>();
        foreach (var overlay in new[] { "dev", "prod" })
        {
            var silo = Container((await Kustomize.RenderOverlayAsync(overlay)).SiloDeployment, "silo");
            environments.Add(($"deploy/k8s/overlays/{overlay}", Env(silo).Select(e => e["name"]!.GetValue<string>()).ToList()));
        }

        var compose = ComposeFile.Load();
        foreach (var (service, definition) in ComposeFile.SiloServices(compose))
        {
            environments.Add(($"deploy/compose ({service})", ComposeFile.Environment(definition).Keys.ToList()));
        }

        // The local multi-process cluster scripts (deploy/local/), when present, set keys as Amas__X__Y or --Amas:X:Y.
        var local = Repository.PathOf("deploy", "local");
        if (Directory.Exists(local))
        {
            foreach (var script in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
            {
                var text = await File.ReadAllTextAsync(script);
                // A script starts the gateway too; its Amas:Gateway:* and Amas:Security:* settings are not the silos'.
                var names = LocalKeyPattern().Matches(text)
                    .Select(m => m.Value.TrimStart('-').Replace(":", "__", StringComparison.Ordinal))
                    .Where(n => !n.StartsWith("Amas__Gateway__", StringComparison.Ordinal) && !n.StartsWith("Amas__Security__", StringComparison.Ordinal))
                    .Distinct()
                    .ToList();
                if (names.Count > 0)
                {
                    environments.Add((Path.GetRelativePath(Repository.Root, script), names));
                }
            }
        }

        return environments;
    }

    /// <summary>Backticked keys in the "Optional configuration keys" section of docs/deploy.md.</summary>
    public static IReadOnlySet<string> OptionalKeysInDocs()
    {
        var docs = Repository.ReadText("docs", "deploy.md");
        var start = docs.IndexOf("## Optional configuration keys", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/deploy.md has no '## Optional configuration keys' section.");
        var end = docs.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? docs[start..] : docs[start..end];
        return DocumentedKeyPattern().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [GeneratedRegex(@"public\s+[\w<>?,\s]+?\s+(\w+)\s*\{\s*get;\s*set;\s*\}")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"const\s+string\s+\w+\s*=\s*""(Amas:[^""]+)""")]
    private static partial Regex KeyConstantPattern();

    [GeneratedRegex(@"^\|\s*`(Amas:[A-Za-z:*]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedKeyPattern();

    [GeneratedRegex(@"(--)?Amas(__|:)[A-Za-z0-9_:]+")]
    private static partial Regex LocalKeyPattern();
}

/// <summary>deploy/compose/docker-compose.yml, with YAML merge keys (&lt;&lt;: *silo) resolved.</summary>
public static class ComposeFile
{
    public static JsonObject Load()
        => YamlJson.ParseDocuments(Repository.ReadText("deploy", "compose", "docker-compose.yml"), mergeKeys: true).Single();

    public static IEnumerable<(string Name, JsonObject Definition)> Services(JsonObject compose)
        => ((JsonObject)compose["services"]!).Select(p => (p.Key, (JsonObject)p.Value!));

    public static IEnumerable<(string Name, JsonObject Definition)> SiloServices(JsonObject compose)
        => Services(compose).Where(s => s.Definition["build"]?["dockerfile"]?.GetValue<string>() == "deploy/docker/silo.Dockerfile"
                                        && s.Definition["command"] is null);

    public static IReadOnlyDictionary<string, string> Environment(JsonObject service) => service["environment"] switch
    {
        JsonObject map => map.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? ""),
        JsonArray list => list.Select(i => i!.GetValue<string>().Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        _ => new Dictionary<string, string>(),
    };
}
