using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Analysis.Tests.Osint;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Forensics;

public sealed class ForensicsAgentTests : IDisposable
{
    private readonly ForensicsFixtures _files = new();

    private ForensicsAgent Agent(string? path) => new(
        Options.Create(new ForensicsOptions { AllowedRoots = [_files.Root] }),
        DelegateForensicsInputs.FromPath(_ => path));

    [Fact]
    public void Descriptor_names_a_layer_one_forensics_agent_that_needs_no_repository()
    {
        var descriptor = Agent(null).Descriptor;

        Assert.Equal(("Forensics", 1, false), (descriptor.Name, descriptor.Layer, descriptor.ReadsRepository));
        Assert.Equal(["forensics"], descriptor.Capabilities);
    }

    [Fact]
    public async Task A_file_under_an_allowed_root_is_analysed_into_findings_metrics_and_a_summary()
    {
        var path = _files.Text("notes.txt", "beacon http://evil.example.com/x and CreateRemoteThread");

        var result = await Agent(path).RunAsync(OsintAgentContext.Create(TaskKind.Forensics, "Forensics"), CancellationToken.None);

        Assert.Contains(result.Findings, f => f.Rule == "forensics.suspicious-api");
        Assert.Equal(new FileInfo(path).Length, result.Metrics["size_bytes"]);
        Assert.Equal(1, result.Metrics["suspicious_apis"]);
        Assert.Contains(ForensicsFixtures.Tool("sha256sum", path), result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_outside_the_allowed_roots_are_refused_also_through_a_symbolic_link()
    {
        var link = Path.Combine(_files.Root, "passwd-link");
        File.CreateSymbolicLink(link, "/etc/passwd");
        var context = OsintAgentContext.Create(TaskKind.Forensics, "Forensics");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Agent("/etc/passwd").RunAsync(context, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Agent(link).RunAsync(context, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Agent(Path.Combine(_files.Root, "..", "elsewhere")).RunAsync(context, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_file_the_agent_does_nothing()
    {
        var result = await Agent(null).RunAsync(OsintAgentContext.Create(TaskKind.Forensics, "Forensics"), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no file to analyse", result.Summary);
    }

    public void Dispose() => _files.Dispose();
}
