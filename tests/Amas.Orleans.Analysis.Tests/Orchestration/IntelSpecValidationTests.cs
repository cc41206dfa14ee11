using System.Net;
using Amas.Orleans.Analysis.Osint;
using Amas.Orleans.Orchestration;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Orchestration;

/// <summary>The osint and forensics options: what they may point at, and how many of them.</summary>
public sealed class IntelSpecValidationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-intel-spec-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("amas-intel-outside-").FullName;

    private TaskSpecPolicy Policy(bool loopback = false) => new(new AddressPolicy(loopback, false), [_root]);

    private static TaskSpec Osint(IReadOnlyList<string> urls, IReadOnlyList<string>? keywords = null, string? depth = null) => new()
    {
        Kind = TaskKind.Osint,
        Options = new TaskOptions { Urls = urls, Keywords = keywords ?? [], Depth = depth },
        Submitter = "test",
    };

    private static TaskSpec Forensics(string? path = null, UploadedFile? upload = null) => new()
    {
        Kind = TaskKind.Forensics,
        Options = new TaskOptions { FilePath = path, Upload = upload },
        Submitter = "test",
    };

    private IReadOnlyDictionary<string, string[]> Errors(TaskSpec spec, TaskSpecPolicy? policy = null)
        => Assert.Throws<TaskRejectedException>(() => TaskSpecValidator.Validate(spec, policy ?? Policy())).Errors;

    [Fact]
    public void Public_http_and_https_urls_with_keywords_and_a_depth_are_valid()
    {
        TaskSpecValidator.Validate(Osint(["https://example.com/", "http://203.0.113.7:8080/page?q=1,2"], ["sensors", "reliable sensors"], "3"), Policy());
    }

    [Theory]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("ftp://example.com/x", "scheme 'ftp'")]
    [InlineData("gopher://example.com/", "scheme 'gopher'")]
    [InlineData("/etc/passwd", "not an absolute URL")]
    [InlineData("example.com", "not an absolute URL")]
    [InlineData("http://10.1.2.3/", "private address")]
    [InlineData("http://192.168.0.1/admin", "private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "linklocal address")]
    [InlineData("http://127.0.0.1:8080/", "loopback address")]
    [InlineData("http://[::1]/", "loopback address")]
    [InlineData("http://localhost/", "loopback address")]
    [InlineData("http://0x7f.1/", "loopback address")]
    [InlineData("http://user:secret@example.com/", "credentials")]
    [InlineData("http://exa mple.com/", "whitespace")]
    public void Urls_with_other_schemes_private_addresses_or_credentials_are_rejected(string url, string why)
    {
        var message = Assert.Single(Errors(Osint([url]))["options.urls"]);

        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_is_accepted_only_where_the_cluster_allows_it()
    {
        TaskSpecValidator.Validate(Osint(["http://127.0.0.1:8080/"]), Policy(loopback: true));
        var allowedNetwork = new TaskSpecPolicy(new AddressPolicy(false, false, allowedNetworks: [IPNetwork.Parse("10.20.0.0/16")]), []);
        TaskSpecValidator.Validate(Osint(["http://10.20.3.4/"]), allowedNetwork);

        Assert.Contains("private", Assert.Single(Errors(Osint(["http://10.21.3.4/"]), allowedNetwork)["options.urls"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_url_is_named_and_the_counts_are_bounded()
    {
        Assert.Equal(2, Errors(Osint(["file:///a", "https://example.com/", "http://10.0.0.1/"]))["options.urls"].Length);
        Assert.Contains("at least one URL", Assert.Single(Errors(Osint([]))["options.urls"]), StringComparison.Ordinal);
        var many = Enumerable.Range(0, TaskOptionCatalog.MaxUrls + 1).Select(i => $"https://example.com/{i}").ToArray();
        Assert.Contains($"At most {TaskOptionCatalog.MaxUrls} URLs", Assert.Single(Errors(Osint(many))["options.urls"]), StringComparison.Ordinal);
        Assert.Contains("longer than", Assert.Single(Errors(Osint(["https://example.com/" + new string('a', TaskOptionCatalog.MaxUrlLength)]))["options.urls"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_are_bounded_in_number_and_length_and_must_not_be_empty()
    {
        var url = new[] { "https://example.com/" };
        var tooMany = Enumerable.Range(0, TaskOptionCatalog.MaxKeywords + 1).Select(i => $"k{i}").ToArray();

        Assert.Contains($"At most {TaskOptionCatalog.MaxKeywords} keywords", Assert.Single(Errors(Osint(url, tooMany))["options.keywords"]), StringComparison.Ordinal);
        Assert.Contains("longer than", Assert.Single(Errors(Osint(url, [new string('k', TaskOptionCatalog.MaxKeywordLength + 1)]))["options.keywords"]), StringComparison.Ordinal);
        Assert.Equal(["A keyword is empty.", "A keyword contains control characters."], Errors(Osint(url, ["  ", "a\u0007b"]))["options.keywords"]);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("deep")]
    [InlineData("1.5")]
    public void Osint_depth_is_a_whole_number_of_link_levels_up_to_the_maximum(string depth)
    {
        Assert.Contains("0 to 3", Assert.Single(Errors(Osint(["https://example.com/"], depth: depth))["options.depth"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_under_an_allowed_root_is_valid_and_a_forensics_task_needs_exactly_one_file()
    {
        var file = Path.Combine(_root, "sample.bin");
        File.WriteAllText(file, "x");
        var upload = new UploadedFile { Id = Guid.NewGuid(), FileName = "a.bin", Size = 1, Sha256 = new string('a', 64) };

        TaskSpecValidator.Validate(Forensics(file), Policy());
        TaskSpecValidator.Validate(Forensics(upload: upload), Policy());
        Assert.Contains("needs a file", Assert.Single(Errors(Forensics())["options.file_path"]), StringComparison.Ordinal);
        Assert.Contains("not both", Assert.Single(Errors(Forensics(file, upload))["options.file_path"]), StringComparison.Ordinal);
    }

    [Fact]
    public void File_paths_that_leave_the_allowed_roots_are_rejected_also_through_dot_dot_and_symbolic_links()
    {
        var secret = Path.Combine(_outside, "secret.txt");
        File.WriteAllText(secret, "secret");
        var link = Path.Combine(_root, "innocent.txt");
        File.CreateSymbolicLink(link, secret);
        var linkedDirectory = Path.Combine(_root, "docs");
        Directory.CreateSymbolicLink(linkedDirectory, _outside);

        Assert.Contains("'..' segments", Message(Path.Combine(_root, "..", Path.GetFileName(_outside), "secret.txt")), StringComparison.Ordinal);
        Assert.Contains("not inside an allowed root", Message(secret), StringComparison.Ordinal);
        Assert.Contains("not inside an allowed root", Message(link), StringComparison.Ordinal);
        Assert.Contains("not inside an allowed root", Message(Path.Combine(linkedDirectory, "secret.txt")), StringComparison.Ordinal);
        Assert.Contains("must be absolute", Message("sample.bin"), StringComparison.Ordinal);
        Assert.Contains("must be absolute", Message("file:///etc/passwd"), StringComparison.Ordinal);
        Assert.Contains("is a directory", Message(_root), StringComparison.Ordinal);
        Assert.Contains("does not exist", Message(Path.Combine(_root, "missing.bin")), StringComparison.Ordinal);
        Assert.Contains("no allowed roots", Assert.Single(Errors(Forensics(secret), TaskSpecPolicy.Strict)["options.file_path"]), StringComparison.Ordinal);

        string Message(string path) => Assert.Single(Errors(Forensics(path))["options.file_path"]);
    }

    [Fact]
    public void Options_of_one_kind_given_to_another_are_rejected_and_intel_kinds_take_no_repository_target()
    {
        var orchestrate = new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions { Urls = ["https://example.com/"], FilePath = "/tmp/x" },
            Submitter = "test",
        };
        var errors = Errors(orchestrate);
        Assert.Equal("urls applies to osint tasks only.", Assert.Single(errors["options.urls"]));
        Assert.Equal("file_path applies to forensics tasks only.", Assert.Single(errors["options.file_path"]));

        var osintWithTarget = Osint(["https://example.com/"]) with { Target = new RepositoryTarget { Path = _root } };
        Assert.True(Errors(osintWithTarget).ContainsKey("target"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
