using System.Net;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Testing.Forensics;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>Bad osint and forensics input: a 4xx problem naming the field, no task, and no upload left behind.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class IntelInputRejectionTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private async Task<JsonElement> AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode status, string key)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Null(await gateway.TaskAsync(IntelRequests.TaskIdFor(key)));
        Assert.Null(await gateway.StoredUploadAsync(IntelRequests.UploadIdFor(key)));
        return problem;
    }

    private static string Key() => "rejected-" + Guid.NewGuid();

    [Theory]
    [InlineData("http://10.1.2.3/", "private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "linklocal address")]
    [InlineData("http://[fd00::1]/", "uniquelocal address")]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("gopher://127.0.0.1:70/", "scheme 'gopher'")]
    public async Task An_osint_url_that_is_private_or_not_http_is_a_400_and_creates_no_task(string url, string why)
    {
        var key = Key();

        var response = await Http.PostJsonAsync("/api/v1/tasks", IntelRequests.Osint([url]), key);

        var problem = await AssertRejectedAsync(response, HttpStatusCode.BadRequest, key);
        Assert.Contains(why, problem.GetProperty("errors").GetProperty("options.urls")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"osint","options":{"urls":["https://example.com/"],"depth":9}}""", "options.depth")]
    [InlineData("""{"kind":"osint","options":{"urls":["https://example.com/"],"depth":true}}""", "options.depth")]
    [InlineData("""{"kind":"osint","options":{"urls":[]}}""", "options.urls")]
    [InlineData("""{"kind":"osint","options":{"urls":["https://example.com/"],"keywords":[""]}}""", "options.keywords")]
    [InlineData("""{"kind":"osint","options":{"urls":["https://example.com/"],"upload":{"id":"x"}}}""", "options.upload")]
    [InlineData("""{"kind":"osint","target":{"path":"/tmp"},"options":{"urls":["https://example.com/"]}}""", "target")]
    [InlineData("""{"kind":"orchestrate","target":{"path":"/tmp"},"options":{"urls":["https://example.com/"]}}""", "options.urls")]
    [InlineData("""{"kind":"forensics"}""", "options.file_path")]
    public async Task Malformed_osint_and_forensics_options_are_400_problems_naming_the_field(string body, string field)
    {
        var key = Key();

        var response = await Http.PostJsonAsync("/api/v1/tasks", body, key);

        var problem = await AssertRejectedAsync(response, HttpStatusCode.BadRequest, key);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_file_path_that_climbs_out_of_the_allowed_root_or_links_out_of_it_is_a_400()
    {
        var outside = Directory.CreateTempSubdirectory("amas-gateway-outside-").FullName;
        try
        {
            var secret = Path.Combine(outside, "secret.txt");
            await File.WriteAllTextAsync(secret, "secret");
            var link = Path.Combine(gateway.Root, "link-" + Guid.NewGuid().ToString("N"));
            File.CreateSymbolicLink(link, secret);

            foreach (var path in new[] { $"{gateway.Root}/../{Path.GetFileName(outside)}/secret.txt", secret, link, "/etc/passwd", "file:///etc/passwd" })
            {
                var key = Key();
                var response = await Http.PostJsonAsync("/api/v1/tasks", IntelRequests.Forensics(path), key);

                var problem = await AssertRejectedAsync(response, HttpStatusCode.BadRequest, key);
                Assert.True(problem.GetProperty("errors").TryGetProperty("options.file_path", out _), $"{path}: {problem}");
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_and_nothing_of_it_is_kept()
    {
        var key = Key();
        var tooBig = new byte[EmbeddedGateway.MaxUploadBytes + 1];

        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var response = await http.PostUploadAsync(IntelRequests.Forensics(), tooBig, "big.bin", key);

        var problem = await AssertRejectedAsync(response, HttpStatusCode.RequestEntityTooLarge, key);
        Assert.Contains("upload limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_submission_is_held_to_the_general_body_cap_though_the_endpoint_takes_larger_uploads()
    {
        var key = Key();
        var padding = new string(' ', (1024 * 1024) + 1);

        // Refused before the body is read, so the server closes that connection: a client of its own keeps it from others.
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        var response = await http.PostJsonAsync("/api/v1/tasks", "{\"kind\":\"forensics\"" + padding + "}", key);

        await AssertRejectedAsync(response, HttpStatusCode.RequestEntityTooLarge, key);
    }

    [Fact]
    public async Task A_multipart_submission_without_its_file_or_task_part_is_a_400_naming_the_part()
    {
        var noFileKey = Key();
        var noTaskKey = Key();

        var noFile = await Http.PostUploadAsync(IntelRequests.Forensics(), file: null, "x", noFileKey);
        var noTask = await Http.PostUploadAsync(task: null, SampleFiles.Png(), "pixel.png", noTaskKey);

        Assert.True((await AssertRejectedAsync(noFile, HttpStatusCode.BadRequest, noFileKey)).GetProperty("errors").TryGetProperty("file", out _));
        Assert.True((await AssertRejectedAsync(noTask, HttpStatusCode.BadRequest, noTaskKey)).GetProperty("errors").TryGetProperty("task", out _));
    }

    [Theory]
    [InlineData("""{"kind":"osint","options":{"urls":["https://example.com/"]}}""", "file")]
    [InlineData("""{"kind":"forensics","options":{"file_path":"/etc/passwd"}}""", "options.file_path")]
    [InlineData("""{"kind":"forensics","options":{"mode":"turbo"}}""", "options.mode")]
    [InlineData("""{"kind":"forensics",""", "task")]
    [InlineData("""{"kind":"forensics","kind":"osint"}""", "task")]
    public async Task An_upload_with_a_task_that_cannot_take_it_is_a_400_and_the_file_is_not_kept(string task, string field)
    {
        var key = Key();

        var response = await Http.PostUploadAsync(task, Encoding.UTF8.GetBytes("content"), "a.txt", key);

        var problem = await AssertRejectedAsync(response, HttpStatusCode.BadRequest, key);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
