using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>
/// What an attacker with a valid operator key (mallory) tries against the submission endpoints. Each attempt must
/// end in a 4xx problem, create no task, and leave an audit entry; none may reach git, the file system outside the
/// allowed root, or the network.
/// </summary>
[Collection(SecuredGatewayCollection.Name)]
public sealed class AttackTests(SecuredGateway gateway)
{
    private string Root => gateway.Root;

    public static TheoryData<string> TraversalPaths => new()
    {
        "{root}/../../etc",
        "{root}/sample/../../../etc/passwd",
        "{root}/%2e%2e/%2e%2e/etc",
        "{root}/%252e%252e/etc",
        "{root}/\u002e\u002e/etc",
        "{root}/..\\..\\etc",
        "/etc",
        "etc/passwd",
        "{root}/sample\u0000/../../etc",
        "",
    };

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task A_repository_path_outside_the_allowed_root_is_refused(string path)
    {
        var body = Submission(new { path = path.Replace("{root}", Root, StringComparison.Ordinal) });

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "target");
    }

    [Fact]
    public async Task A_symbolic_link_out_of_the_allowed_root_is_refused_wherever_it_sits_in_the_path()
    {
        var outside = Directory.CreateTempSubdirectory("amas-outside-").FullName;
        try
        {
            SampleRepository.Create(outside);
            var link = Path.Combine(Root, "escape-" + Guid.NewGuid().ToString("N"));
            Directory.CreateSymbolicLink(link, outside);

            await AssertRefusedAsync(Post("/api/v1/tasks", Submission(new { path = link })), HttpStatusCode.BadRequest, "target.path");
            var inner = Directory.EnumerateDirectories(outside).First();
            await AssertRefusedAsync(Post("/api/v1/tasks", Submission(new { path = Path.Combine(link, Path.GetFileName(inner)) })), HttpStatusCode.BadRequest, "target.path");
            await AssertRefusedAsync(Post("/api/v1/tasks", Submission(new { git_url = "file://" + link })), HttpStatusCode.BadRequest, "target.git_url");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    public static TheoryData<string> HostileGitUrls => new()
    {
        "ext::sh -c touch% /tmp/pwned",
        "-uhttps://github.com/amas/amas.git",
        "--upload-pack=touch /tmp/pwned",
        "fd::17",
        "ssh://git@github.com/amas/amas.git",
        "git://github.com/amas/amas.git",
        "http://github.com/amas/amas.git",
        "https://evil.example.com/amas.git",
        "https://127.0.0.1/amas.git",
        "https://127.0.0.1:6379/amas.git",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.1/amas.git",
        "https://192.168.1.1/amas.git",
        "https://[::1]/amas.git",
        "https://[::ffff:127.0.0.1]/amas.git",
        "https://localhost/amas.git",
        "https://127.0.0.1.nip.io/amas.git",
        "https://2130706433/amas.git",
        "https://github.com@127.0.0.1/amas.git",
        "https://user:token@github.com/amas/amas.git",
        "https://github.com/amas/amas.git?upload-pack=x",
        "https://github.com/amas/amas.git\r\nHost: 127.0.0.1",
        "file:///etc",
        "file://{root}/../etc",
        "file://{root}/%2e%2e/etc",
        "file://otherhost/{root}",
        "/etc",
    };

    [Theory]
    [MemberData(nameof(HostileGitUrls))]
    public async Task A_git_url_with_a_disallowed_scheme_host_or_form_is_refused_before_anything_is_fetched(string url)
    {
        var body = Submission(new { git_url = url.Replace("{root}", Root, StringComparison.Ordinal) });

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "target");
    }

    public static TheoryData<string> PrivateOsintUrls => new()
    {
        "http://127.0.0.1/",
        "http://127.0.0.1:6379/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.0.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://localhost/",
        "file:///etc/passwd",
    };

    [Theory]
    [MemberData(nameof(PrivateOsintUrls))]
    public async Task An_osint_url_naming_a_private_or_loopback_address_is_refused_at_submission(string url)
    {
        var body = JsonSerializer.Serialize(new { kind = "osint", options = new { urls = new[] { "https://example.com/", url } } });

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "options.urls");
    }

    [Theory]
    [InlineData("--upload-pack=touch /tmp/pwned")]
    [InlineData("main..HEAD")]
    [InlineData("main@{1}")]
    [InlineData("main\nHEAD")]
    public async Task A_git_ref_that_git_would_read_as_an_option_or_revision_syntax_is_refused(string gitRef)
    {
        var body = Submission(new { git_url = "https://github.com/amas/amas.git", @ref = gitRef });

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "target.ref");
    }

    [Fact]
    public async Task The_amas_trigger_alias_refuses_traversal_too()
    {
        var body = JsonSerializer.Serialize(new { target = new { path = Root + "/../../etc" }, components = "security" });

        await AssertRefusedAsync(Post("/api/v1/workflows/orchestrator/trigger", body), HttpStatusCode.BadRequest, "target");
    }

    [Fact]
    public async Task An_oversized_body_with_a_declared_length_is_a_413_before_it_is_read()
    {
        var body = Submission(new { path = Root }, padding: 2 * 1024 * 1024);

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_cut_off_with_a_413()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Submission(new { path = Root }, padding: 2 * 1024 * 1024)))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        await AssertRefusedAsync(request, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_json_cap_does_not_apply_to_a_forensics_upload_which_has_its_own_limit()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        var form = new MultipartFormDataContent
        {
            { new StringContent("""{"kind":"forensics"}""", Encoding.UTF8, "application/json"), Amas.Orleans.Gateway.Api.TaskUploadSubmission.TaskPart },
            { new ByteArrayContent(new byte[3 * 1024 * 1024 / 2]), Amas.Orleans.Gateway.Api.TaskUploadSubmission.FilePart, "large.bin" },
        };

        using var response = await alice.PostAsync("/api/v1/tasks", form);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_400_not_a_stack_overflow()
    {
        var body = """{"kind":"orchestrate","options":""" + new string('[', 20_000) + new string(']', 20_000) + "}";

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "", "depth");
    }

    [Fact]
    public async Task A_string_longer_than_the_limit_is_a_400()
    {
        var body = JsonSerializer.Serialize(new { kind = new string('a', 200_001) });

        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "", "characters");
    }

    [Fact]
    public async Task Too_many_urls_or_array_items_are_a_400()
    {
        var urls = Enumerable.Range(0, 101).Select(i => $"https://example.com/{i}").ToArray();
        await AssertRefusedAsync(Post("/api/v1/tasks", JsonSerializer.Serialize(new { kind = "osint", urls })), HttpStatusCode.BadRequest, "", "URLs");

        var items = Enumerable.Range(0, 1001).Select(i => "security").ToArray();
        await AssertRefusedAsync(Post("/api/v1/tasks", JsonSerializer.Serialize(new { kind = "orchestrate", options = new { components = items } })),
            HttpStatusCode.BadRequest, "", "items");
    }

    [Theory]
    [InlineData("""{"kind":"orchestrate",""")]
    [InlineData("""{kind:"orchestrate"}""")]
    [InlineData("""{"kind":"orchestrate","kind":"self_improve"}""")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400(string body)
    {
        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "");
    }

    [Theory]
    [InlineData("""{"kind":"\ud800"}""")]
    [InlineData("""{"kind":"orchestrate","target":{"\udfff":1}}""")]
    public async Task An_escape_that_is_not_unicode_is_a_400(string body)
    {
        await AssertRefusedAsync(Post("/api/v1/tasks", body), HttpStatusCode.BadRequest, "", "Unicode");
    }

    [Fact]
    public async Task Malformed_utf8_is_a_400()
    {
        byte[] bytes = [.. """{"kind":"orche"""u8, 0xC3, 0x28, 0xFF, .. """strate"}"""u8];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");

        await AssertRefusedAsync(request, HttpStatusCode.BadRequest, "");
    }

    [Fact]
    public async Task Crlf_in_a_field_that_is_echoed_back_stays_inside_the_json_and_never_becomes_a_header()
    {
        const string injected = "orchestrate\r\nSet-Cookie: pwned=1\r\nX-Injected: yes";
        var response = await AssertRefusedAsync(Post("/api/v1/tasks", JsonSerializer.Serialize(new { kind = injected })), HttpStatusCode.BadRequest, "kind");

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("X-Injected"));
        var problem = await response.ReadJsonAsync();
        Assert.Contains(injected, problem.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key with spaces")]
    [InlineData("key\twith\ttabs")]
    public async Task An_idempotency_key_with_other_than_visible_ascii_is_a_400(string key)
    {
        var request = Post("/api/v1/tasks", HttpJson.Submission(SampleRepository.Create(Root)));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await AssertRefusedAsync(request, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    /// <summary>
    /// Kestrel refuses these before any middleware runs (400 without a body), so the app never sees them and they
    /// are not in the audit log; what matters is that nothing is created. (A bare LF is a line end to Kestrel: it
    /// splits the value into a second header of the sender's own request, which injects nothing.)
    /// </summary>
    [Theory]
    [InlineData("a\rX-Injected: yes")]
    [InlineData("k\u00e9y")]
    [InlineData("a\u0000b")]
    public async Task A_header_value_with_a_bare_cr_lf_nul_or_non_ascii_byte_is_refused_by_the_server_before_the_app(string value)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, gateway.BaseAddress.Port);
        var body = HttpJson.Submission(SampleRepository.Create(Root));
        var request = "POST /api/v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                      $"X-API-Key: {gateway.Keys["mallory"]}\r\nIdempotency-Key: {value}\r\n" +
                      $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await tcp.GetStream().WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(tcp.GetStream(), Encoding.Latin1);

        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
        await AssertNoTaskAsync();
    }

    private HttpRequestMessage Post(string path, string body)
        => new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static string Submission(object target, int padding = 0)
    {
        var body = new Dictionary<string, object> { ["kind"] = "orchestrate", ["target"] = target, ["options"] = new { components = "security" } };
        if (padding > 0)
        {
            body["padding"] = new string('x', padding);
        }

        return JsonSerializer.Serialize(body);
    }

    /// <summary>
    /// Sends as mallory and checks the three things every refusal owes: a problem with this status (and, when given,
    /// an error on <paramref name="field"/> — or anything starting with it — or a message containing
    /// <paramref name="says"/>), no task, and an audit entry with mallory's name and the response's trace id.
    /// </summary>
    private async Task<HttpResponseMessage> AssertRefusedAsync(HttpRequestMessage request, HttpStatusCode status, string? field = null, string? says = null)
    {
        using var mallory = gateway.WithKey(gateway.Keys["mallory"]);
        var response = await mallory.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal)), $"No error on '{field}': {text}");
        }

        if (says is not null)
        {
            Assert.Contains(says, text, StringComparison.Ordinal);
        }

        await AssertNoTaskAsync();
        var entry = await Audit.FindAsync(gateway, response);
        Assert.Equal("mallory", entry.GetProperty("caller").GetString());
        Assert.Equal("rejected", entry.GetProperty("result").GetString());
        Assert.Equal("127.0.0.1", entry.GetProperty("ip").GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("detail").GetProperty("status").GetString());
        return response;
    }

    /// <summary>Mallory has never had a task accepted: her own listing, and everyone's seen by an admin, hold none of hers.</summary>
    private async Task AssertNoTaskAsync()
    {
        using var mallory = gateway.WithKey(gateway.Keys["mallory"]);
        Assert.Empty((await mallory.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200")).GetProperty("items").EnumerateArray());
        using var admin = gateway.Admin();
        var all = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(all, t => t.GetProperty("submitter").GetString() == "mallory");
    }
}
