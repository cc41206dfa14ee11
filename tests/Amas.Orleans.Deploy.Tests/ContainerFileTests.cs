using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amas.Orleans.Deploy.Tests.Support;

namespace Amas.Orleans.Deploy.Tests;

/// <summary>The Dockerfiles, .dockerignore and the compose file, read as text (no container engine runs here).</summary>
public sealed partial class ContainerFileTests
{
    public static TheoryData<string, string, int> Images => new()
    {
        { "silo.Dockerfile", "Amas.Orleans.Silo.dll", 8081 },
        { "gateway.Dockerfile", "Amas.Orleans.Gateway.dll", 8080 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_is_multi_stage_with_only_the_published_app_on_a_pinned_runtime(string file, string entryAssembly, int healthPort)
    {
        var stages = Stages(Instructions(Repository.ReadText("deploy", "docker", file)));
        Assert.True(stages.Count >= 2, $"{file}: a build stage and a runtime stage.");

        var build = stages[0];
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d+(-[a-z]+)?\s+AS\s+build$", build.From);
        Assert.Contains(build.Lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));

        var runtime = stages[^1];
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0\.\d+(-[a-z]+)?(\s+AS\s+\w+)?$", runtime.From);
        Assert.DoesNotContain("sdk", runtime.From, StringComparison.Ordinal);

        // Only the build output crosses into the runtime stage: no sources, no SDK.
        var copies = runtime.Lines.Where(l => l.StartsWith("COPY", StringComparison.Ordinal) || l.StartsWith("ADD", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.Matches(@"^COPY --from=build /app \./?$", c));

        // A numeric, non-root USER (runAsNonRoot can only verify a number), before the entrypoint.
        var user = Assert.Single(runtime.Lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        var uid = NumericUser().Match(user);
        Assert.True(uid.Success && long.Parse(uid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{file}: '{user}' must be a non-zero numeric uid.");

        var healthcheck = Assert.Single(runtime.Lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains($"/dev/tcp/127.0.0.1/{healthPort}", healthcheck);
        Assert.Contains("/health/live", healthcheck);
        Assert.Contains(runtime.Lines, l => l.StartsWith("ENV", StringComparison.Ordinal) && l.Contains($"Urls=http://+:{healthPort}", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{entryAssembly}\"]", runtime.Lines);

        Assert.DoesNotContain(stages.Select(s => s.From), from => from.Contains(":latest", StringComparison.OrdinalIgnoreCase) || !from.Split(' ')[0].Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void Both_images_use_the_same_runtime_and_sdk_and_the_runtime_matches_the_tests_runtime_major()
    {
        var froms = Images.Select(row => Stages(Instructions(Repository.ReadText("deploy", "docker", (string)row[0]))).Select(s => s.From.Split(' ')[0]).ToList()).ToList();
        Assert.Equal(froms[0].Distinct(), froms[1].Distinct());
        Assert.Contains($":{Environment.Version.Major}.{Environment.Version.Minor}.", froms[0][^1]);
    }

    [Fact]
    public void Dockerignore_keeps_build_output_git_and_tests_out_of_the_context()
    {
        var lines = Repository.ReadText(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        foreach (var required in new[] { "**/bin/", "**/obj/", ".git/", "tests/", "**/.env", "**/*.env" })
        {
            Assert.Contains(required, lines);
        }

        // Nothing the Dockerfiles copy is excluded.
        foreach (var needed in new[] { "silo", "grains", "grain-interfaces", "gateway", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            Assert.DoesNotContain(lines, l => l.TrimEnd('/') == needed);
        }
    }

    [Fact]
    public void Compose_runs_three_silos_a_gateway_Redis_PostgreSQL_and_a_migration_first()
    {
        var compose = ComposeFile.Load();
        var services = ComposeFile.Services(compose).ToDictionary(s => s.Name, s => s.Definition);
        var silos = ComposeFile.SiloServices(compose).ToList();
        Assert.Equal(3, silos.Count);
        Assert.Contains("gateway", services.Keys);
        Assert.Contains("redis", services.Keys);
        Assert.Contains("postgres", services.Keys);

        var migrate = services["migrate"];
        Assert.Equal(new[] { "migrate" }, migrate["command"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("service_healthy", migrate["depends_on"]!["postgres"]!["condition"]!.GetValue<string>());

        var addresses = new HashSet<string>();
        foreach (var (name, silo) in silos)
        {
            Assert.Equal("service_completed_successfully", silo["depends_on"]?["migrate"]?["condition"]?.GetValue<string>());
            var environment = ComposeFile.Environment(silo);
            var address = environment["Amas__Silo__AdvertisedAddress"];
            Assert.Equal(silo["networks"]!["amas"]!["ipv4_address"]!.GetValue<string>(), address);
            Assert.True(addresses.Add(address), $"{name} advertises {address}, which another silo uses too.");
            Assert.Equal("redis", environment["Amas__Silo__Clustering"]);
            Assert.Equal("postgres", environment["Amas__Silo__Persistence"]);
        }

        var gateway = ComposeFile.Environment(services["gateway"]);
        Assert.Equal("client", gateway["Amas__Gateway__Cluster"]);
        Assert.Equal(ComposeFile.Environment(silos[0].Definition)["Amas__Silo__ClusterId"], gateway["Amas__Gateway__ClusterId"]);
        Assert.Equal(ComposeFile.Environment(silos[0].Definition)["Amas__Silo__ServiceId"], gateway["Amas__Gateway__ServiceId"]);
        // Authentication on, its bootstrap key's hash required from the environment, never written into the file.
        Assert.Equal("true", gateway["Amas__Security__Enabled"]);
        Assert.StartsWith("${AMAS_BOOTSTRAP_API_KEY_HASH:?", gateway["Amas__Security__BootstrapApiKeyHash"], StringComparison.Ordinal);
        Assert.Equal(ComposeFile.Environment(silos[0].Definition)["Amas__Postgres__ConnectionString"], gateway["Amas__Postgres__ConnectionString"]);
        // Published on loopback only all the same: this is the development shape.
        Assert.All(services["gateway"]["ports"]!.AsArray(), p => Assert.StartsWith("127.0.0.1:", p!.GetValue<string>()));
    }

    [Fact]
    public void Compose_images_are_pinned_and_amas_services_run_as_a_numeric_non_root_user_on_a_read_only_root()
    {
        foreach (var (name, service) in ComposeFile.Services(ComposeFile.Load()))
        {
            var image = service["image"]?.GetValue<string>() ?? "";
            Assert.True(RenderedManifestTests.IsPinned(image), $"compose service {name}: image '{image}' must carry a version tag.");
            if (service["build"] is JsonObject || name == "redis")
            {
                var user = service["user"]?.GetValue<string>() ?? "";
                Assert.Matches(@"^[1-9][0-9]*:[0-9]+$", user);
                Assert.True(service["read_only"]?.GetValue<bool>() == true, $"compose service {name} should run with a read-only root.");
                Assert.Contains("ALL", service["cap_drop"]!.AsArray().Select(n => n!.GetValue<string>()));
            }
        }
    }

    private sealed record Stage(string From, List<string> Lines);

    private static List<Stage> Stages(IEnumerable<string> instructions)
    {
        var stages = new List<Stage>();
        foreach (var instruction in instructions)
        {
            if (instruction.StartsWith("FROM ", StringComparison.Ordinal))
            {
                stages.Add(new Stage(instruction[5..].Trim(), []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Lines.Add(instruction);
            }
        }

        return stages;
    }

    /// <summary>Dockerfile instructions with comments dropped and continuation lines joined.</summary>
    private static IEnumerable<string> Instructions(string dockerfile)
    {
        var current = "";
        foreach (var raw in dockerfile.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            current += line.Trim();
            if (current.Length > 0)
            {
                yield return current.Trim();
            }

            current = "";
        }
    }

    [GeneratedRegex(@"^USER\s+([0-9]+)(:[0-9]+)?$")]
    private static partial Regex NumericUser();
}
