using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Inputs;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Analysis.Tests.Osint;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing.Forensics;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Forensics;

/// <summary>A forensics task's file, from an upload in the store or from a path, through the agent to its facts.</summary>
public sealed class ForensicsUploadInputsTests : IDisposable
{
    private readonly ForensicsFixtures _files = new();
    private readonly InMemoryUploadStore _store = new(TimeProvider.System);

    private string Scratch => Path.Combine(_files.Root, "scratch");

    private TaskForensicsInputs Inputs() => new(_store, Options.Create(new UploadOptions { ScratchDirectory = Scratch }));

    private ForensicsAgent Agent() => new(Options.Create(new ForensicsOptions { AllowedRoots = [_files.Root] }), Inputs());

    private static AgentContext Context(TaskOptions options)
    {
        var context = OsintAgentContext.Create(TaskKind.Forensics, "Forensics");
        return context with { Work = context.Work with { Options = options } };
    }

    private async Task<UploadedFile> UploadAsync(string name, byte[] content, int chunk = 7)
    {
        var id = Guid.NewGuid();
        Assert.True(await _store.BeginAsync(id, name, CancellationToken.None));
        for (var i = 0; i * chunk < content.Length; i++)
        {
            await _store.AppendAsync(id, i, content.AsMemory(i * chunk, Math.Min(chunk, content.Length - (i * chunk))), CancellationToken.None);
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        await _store.CompleteAsync(id, content.Length, sha256, CancellationToken.None);
        return (await _store.FindAsync(id, CancellationToken.None))!;
    }

    [Fact]
    public async Task An_uploaded_file_is_copied_from_the_store_analysed_under_its_uploaded_name_and_the_copy_deleted()
    {
        var png = SampleFiles.Png();
        var upload = await UploadAsync("holiday.txt", png);
        var reference = _files.Write("reference.png", png);

        var result = await Agent().RunAsync(Context(new TaskOptions { Upload = upload }), CancellationToken.None);

        var facts = result.Facts!;
        Assert.Equal(["holiday.txt"], facts["file_name"]);
        Assert.Equal([SampleFiles.Checksum("sha256sum", reference)], facts["sha256"]);
        Assert.Equal([SampleFiles.Checksum("sha512sum", reference)], facts["sha512"]);
        Assert.Equal([SampleFiles.Checksum("sha1sum", reference)], facts["sha1"]);
        Assert.Equal([SampleFiles.Checksum("md5sum", reference)], facts["md5"]);
        Assert.Equal(["png"], facts["type"]);
        Assert.Equal(["true"], facts["extension_mismatch"]);
        // The scratch copy's timestamps say nothing about the uploaded file.
        Assert.False(facts.ContainsKey("modified_utc"));
        Assert.Contains(result.Findings, f => f.Rule == "forensics.extension-mismatch" && f.File == "holiday.txt");
        Assert.Empty(Directory.EnumerateFiles(Scratch));
        Assert.NotNull(await _store.FindAsync(upload.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_path_is_analysed_in_place_with_its_timestamps()
    {
        var path = _files.Text("notes.txt", "see http://evil.example.com/x and VirtualAllocEx");

        var result = await Agent().RunAsync(Context(new TaskOptions { FilePath = path }), CancellationToken.None);

        var facts = result.Facts!;
        Assert.Equal(["notes.txt"], facts["file_name"]);
        Assert.Equal([SampleFiles.Checksum("sha256sum", path)], facts["sha256"]);
        Assert.Equal(["http://evil.example.com/x"], facts["urls"]);
        Assert.Single(facts["suspicious_apis"], a => a.StartsWith("VirtualAllocEx:", StringComparison.Ordinal));
        Assert.True(facts.ContainsKey("modified_utc"));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task An_upload_missing_from_the_store_fails_the_run_and_leaves_no_copy()
    {
        var missing = new UploadedFile { Id = Guid.NewGuid(), FileName = "gone.bin", Size = 3, Sha256 = new string('0', 64) };

        await Assert.ThrowsAsync<FileNotFoundException>(() => Agent().RunAsync(Context(new TaskOptions { Upload = missing }), CancellationToken.None));

        Assert.Empty(Directory.EnumerateFiles(Scratch));
    }

    [Fact]
    public async Task Other_kinds_give_the_agent_nothing_to_do()
    {
        var context = OsintAgentContext.Create(TaskKind.Osint, "Forensics");

        Assert.Null(await Inputs().ResolveAsync(context, CancellationToken.None));
    }

    public void Dispose() => _files.Dispose();
}
