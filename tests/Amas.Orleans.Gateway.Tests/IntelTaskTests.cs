using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing.Forensics;
using Amas.Orleans.Testing.Osint;
using Amas.Orleans.Testing.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>osint and forensics tasks over real HTTP: submitted, run by their agents, read back in every format.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class IntelTaskTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    /// <summary>The same bytes on disk, for the machine's checksum tools.</summary>
    private string OnDisk(byte[] content)
    {
        var path = Path.Combine(gateway.Root, "expected-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[16 * 1024 * 1024]);
        }

        return output.ToArray();
    }

    [Fact]
    public async Task An_osint_task_over_a_loopback_site_reports_exactly_the_published_entities_in_json_sarif_and_markdown()
    {
        await using var site = FixtureSite.Serve(new LoopbackSite());

        var response = await Http.PostJsonAsync("/api/v1/tasks", IntelRequests.Osint([site.Url("/").AbsoluteUri], ["sensors", "reliable sensors", "team"], depth: 2));
        var id = await response.SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        var agents = result.GetProperty("task").GetProperty("layers").EnumerateArray()
            .SelectMany(l => l.GetProperty("agents").EnumerateArray().Select(a => $"{l.GetProperty("layer").GetInt32()}:{a.GetProperty("agent").GetString()}:{a.GetProperty("status").GetString()}"));
        Assert.Equal(["1:Osint:succeeded", "4:Reporter:succeeded"], agents);
        Assert.Equal(
            ["bob@acme-example.org", "carol@acme-example.com", "dave@acme-example.net", "jane.doe@acme-example.com", "press@acme-example.com", "sales@acme-example.com"],
            result.Fact("Osint.emails"));
        Assert.Equal(["+16502530000", "+442070313000"], result.Fact("Osint.phones"));
        Assert.Equal(["198.51.100.23", "203.0.113.7"], result.Fact("Osint.ipv4"));
        Assert.Equal(["2001:db8::1"], result.Fact("Osint.ipv6"));
        Assert.Equal(["https://docs.acme-example.com/start"], result.Fact("Osint.urls"));
        Assert.Equal(["acme-example.com", "acme-example.net", "acme-example.org"], result.Fact("Osint.domains"));
        Assert.Equal(["sensors: 3", "reliable sensors: 1", "team: 2"], result.Fact("Osint.keywords"));
        Assert.Equal(["positive 0.875"], result.Fact("Osint.sentiment"));
        Assert.Contains(result.Fact("Osint.pages"), p => p.StartsWith(site.Url("/private/secret.html").AbsoluteUri + " depth 1: robots_disallowed", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Hits, h => h.Path == "/private/secret.html");
        // Published contact details and addresses are the findings: 6 emails, 2 phones, 3 IP addresses, all info.
        var findings = result.GetProperty("findings").GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(11, findings.Length);
        Assert.All(findings, f => Assert.Equal("info", f.GetProperty("severity").GetString()));

        var sarif = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=sarif");
        await SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(11, results.Length);
        Assert.All(results, r => Assert.Equal("note", r.GetProperty("level").GetString()));
        var about = results.Single(r => r.GetProperty("properties").GetProperty("evidence").GetString() == "jane.doe@acme-example.com");
        Assert.Equal(site.Url("/about.html").AbsoluteUri, about.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        var markdown = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=markdown");
        Assert.Contains($"- URLs: `{site.Url("/").AbsoluteUri}`", markdown, StringComparison.Ordinal);
        Assert.Contains("### Osint", markdown, StringComparison.Ordinal);
        Assert.Contains("- emails:\n  - `bob@acme-example.org`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  - `+442070313000`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- sentiment: `positive 0.875`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_zip_bomb_named_as_a_pdf_gets_exact_hashes_and_is_reported_not_expanded()
    {
        var bomb = ZipBomb();
        var expected = OnDisk(bomb);

        var id = await (await Http.PostUploadAsync(IntelRequests.Forensics(), bomb, "quarterly-report.pdf")).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        Assert.Equal([SampleFiles.Checksum("sha256sum", expected)], result.Fact("Forensics.sha256"));
        Assert.Equal([SampleFiles.Checksum("sha512sum", expected)], result.Fact("Forensics.sha512"));
        Assert.Equal([SampleFiles.Checksum("sha1sum", expected)], result.Fact("Forensics.sha1"));
        Assert.Equal([SampleFiles.Checksum("md5sum", expected)], result.Fact("Forensics.md5"));
        Assert.Equal([bomb.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)], result.Fact("Forensics.size_bytes"));
        Assert.Equal(["quarterly-report.pdf"], result.Fact("Forensics.file_name"));
        Assert.Equal(["zip"], result.Fact("Forensics.type"));
        Assert.Equal(["true"], result.Fact("Forensics.extension_mismatch"));
        Assert.Equal(["true"], result.Fact("Forensics.archive.bomb_suspected"));
        Assert.Equal(["16777216"], result.Fact("Forensics.archive.declared_uncompressed_bytes"));
        var upload = result.GetProperty("task").GetProperty("options").GetProperty("upload");
        Assert.Equal(SampleFiles.Checksum("sha256sum", expected), upload.GetProperty("sha256").GetString());
        // Nothing was expanded on the silo: only its scratch copy existed, and that is gone.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(gateway.Root, ".scratch")));

        var sarif = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=sarif");
        await SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), Level: r.GetProperty("level").GetString())).ToArray();
        Assert.Contains(("forensics.archive-bomb", "error"), rules);
        Assert.Contains(("forensics.extension-mismatch", "warning"), rules);

        var markdown = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=markdown");
        Assert.Contains($"- sha256: `{SampleFiles.Checksum("sha256sum", expected)}`", markdown, StringComparison.Ordinal);
        Assert.Contains($"- md5: `{SampleFiles.Checksum("md5sum", expected)}`", markdown, StringComparison.Ordinal);
        Assert.Contains("- archive.bomb_suspected: `true`", markdown, StringComparison.Ordinal);
        Assert.Contains("forensics.archive-bomb", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_path_under_the_allowed_root_is_analysed_in_place_with_exact_hashes_and_its_indicators()
    {
        var path = Path.Combine(gateway.Root, "dropper.txt");
        await File.WriteAllTextAsync(path, "fetch http://203.0.113.9/payload.bin then CreateRemoteThread into explorer; mail ops@evil.example.com", Encoding.ASCII);

        var id = await (await Http.PostJsonAsync("/api/v1/tasks", IntelRequests.Forensics(path))).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        Assert.Equal([SampleFiles.Checksum("sha256sum", path)], result.Fact("Forensics.sha256"));
        Assert.Equal([SampleFiles.Checksum("md5sum", path)], result.Fact("Forensics.md5"));
        Assert.Equal(["dropper.txt"], result.Fact("Forensics.file_name"));
        Assert.Equal(["text"], result.Fact("Forensics.type"));
        Assert.Equal(["http://203.0.113.9/payload.bin"], result.Fact("Forensics.urls"));
        Assert.Equal(["203.0.113.9"], result.Fact("Forensics.ip_addresses"));
        Assert.Equal(["ops@evil.example.com"], result.Fact("Forensics.emails"));
        Assert.Single(result.Fact("Forensics.modified_utc"));
        var rules = result.GetProperty("findings").GetProperty("items").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToHashSet();
        Assert.Contains("forensics.suspicious-api", rules);
        Assert.Contains("forensics.embedded-url", rules);

        var sarif = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=sarif");
        await SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var root = log.RootElement.GetProperty("runs")[0].GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString();
        Assert.Equal(new Uri(gateway.Root + "/").AbsoluteUri, root);
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_key_returns_the_same_task_and_a_different_file_is_refused()
    {
        var key = "upload-retry-" + Guid.NewGuid();
        var content = Encoding.UTF8.GetBytes("first file");

        var first = await (await Http.PostUploadAsync(IntelRequests.Forensics(), content, "a.txt", key)).SubmittedIdAsync();
        var again = await (await Http.PostUploadAsync(IntelRequests.Forensics(), content, "a.txt", key)).SubmittedIdAsync();
        var different = await Http.PostUploadAsync(IntelRequests.Forensics(), Encoding.UTF8.GetBytes("another file"), "a.txt", key);

        Assert.Equal(first, again);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        await Http.SucceededResultAsync(first);
        var stored = await gateway.StoredUploadAsync(IntelRequests.UploadIdFor(key));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), stored?.Sha256);
    }

    [Fact]
    public async Task The_upload_is_deleted_with_its_task()
    {
        var key = "upload-purge-" + Guid.NewGuid();
        var id = await (await Http.PostUploadAsync(IntelRequests.Forensics(), SampleFiles.Png(), "pixel.png", key)).SubmittedIdAsync();
        await Http.SucceededResultAsync(id);
        Assert.NotNull(await gateway.StoredUploadAsync(IntelRequests.UploadIdFor(key)));

        // What the retention sweep does to a task whose time is up.
        Assert.True(await gateway.Services.GetRequiredService<IClusterClient>().GetGrain<ITaskOrchestratorGrain>(Guid.Parse(id)).PurgeAsync());

        Assert.Null(await gateway.StoredUploadAsync(IntelRequests.UploadIdFor(key)));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
    }
}
