using System.Net;
using System.Text.Json;
using Amas.Orleans.Analysis.Issues;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>issue_respond over real HTTP: categorised, its language detected, answered in it, findings linked.</summary>
[Collection(EmbeddedGatewayCollection.Name)]
public sealed class IssueRespondTests(EmbeddedGateway gateway)
{
    private HttpClient Http => gateway.Http;

    private static string Submission(object issue, object? target = null, string? language = null, string? mode = null, string? depth = null)
        => JsonSerializer.Serialize(new
        {
            kind = "issue_respond",
            target,
            options = new { issue, language, mode, depth },
        }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    private static string[] Agents(JsonElement result)
        => [.. result.GetProperty("task").GetProperty("layers").EnumerateArray()
            .SelectMany(l => l.GetProperty("agents").EnumerateArray().Select(a => $"{l.GetProperty("layer").GetInt32()}:{a.GetProperty("agent").GetString()}:{a.GetProperty("status").GetString()}"))];

    [Fact]
    public async Task An_issue_in_spanish_is_categorised_and_answered_in_spanish_by_the_issue_agent_alone()
    {
        var issue = new
        {
            title = "La aplicación se cierra al guardar",
            body = "Cuando intento guardar un archivo grande, la aplicación se bloquea y muestra un error. Pasos para reproducir: abrir el editor, pegar el texto y pulsar guardar.",
            labels = Array.Empty<string>(),
        };

        var id = await (await Http.PostJsonAsync("/api/v1/tasks", Submission(issue))).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        Assert.Equal(["2:IssueResponder:succeeded", "4:Reporter:succeeded"], Agents(result));
        Assert.Equal(["bug"], result.Fact("IssueResponder.category"));
        Assert.Equal(["spanish"], result.Fact("IssueResponder.issue_language"));
        Assert.Equal(["spanish"], result.Fact("IssueResponder.response_language"));
        Assert.Equal(["detected"], result.Fact("IssueResponder.response_language_reason"));
        Assert.Empty(result.Fact("IssueResponder.related_findings"));
        var response = Assert.Single(result.Fact("IssueResponder.response"));
        Assert.StartsWith(ResponsePhraseBook.Spanish.ThanksWarm, response, StringComparison.Ordinal);
        Assert.DoesNotContain("guardar", response, StringComparison.Ordinal);

        var markdown = await Http.GetStringAsync($"/api/v1/tasks/{id}/result?format=markdown");
        Assert.Contains(ResponsePhraseBook.Spanish.ThanksWarm, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requested_language_wins_over_the_detected_one_and_the_mode_shapes_the_answer()
    {
        var issue = new { title = "Please add an export to CSV", body = "It would be great to have a feature to export the report as CSV for our spreadsheets.", labels = new[] { "enhancement" } };

        var id = await (await Http.PostJsonAsync("/api/v1/tasks", Submission(issue, language: "german", mode: "conservative"))).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        Assert.Equal(["feature"], result.Fact("IssueResponder.category"));
        Assert.Equal(["english"], result.Fact("IssueResponder.issue_language"));
        Assert.Equal(["german"], result.Fact("IssueResponder.response_language"));
        Assert.Equal(["requested"], result.Fact("IssueResponder.response_language_reason"));
        var response = Assert.Single(result.Fact("IssueResponder.response"));
        Assert.Contains(ResponsePhraseBook.German.Conservative, response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_repository_the_detection_layer_runs_and_the_findings_the_issue_names_are_linked_first()
    {
        var repository = SampleRepository.Create(gateway.Root);
        var issue = new
        {
            title = "Credentials committed to the repository",
            body = $"There is a leaked AWS access key and a token in {SampleRepository.SettingsFile}; this is a security vulnerability, please rotate them.",
            labels = new[] { "security" },
        };

        var id = await (await Http.PostJsonAsync("/api/v1/tasks", Submission(issue, target: new { path = repository }, depth: "expert"))).SubmittedIdAsync();
        var result = await Http.SucceededResultAsync(id);

        var agents = Agents(result);
        Assert.Contains("1:SecurityScanner:succeeded", agents);
        Assert.DoesNotContain(agents, a => a.StartsWith("1:CodeQualityInspector", StringComparison.Ordinal));
        Assert.Contains("2:ConflictResolver:succeeded", agents);
        Assert.Contains("2:IssueResponder:succeeded", agents);
        Assert.Equal("4:Reporter:succeeded", agents[^1]);
        Assert.Equal(["security"], result.Fact("IssueResponder.category"));

        var findings = result.GetProperty("findings").GetProperty("items").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("file").GetString());
        var related = result.Fact("IssueResponder.related_findings");
        Assert.NotEmpty(related);
        var named = related.TakeWhile(r => findings.GetValueOrDefault(r) == SampleRepository.SettingsFile).Count();
        Assert.True(named >= 2, $"the findings in {SampleRepository.SettingsFile} come first: {string.Join(", ", related.Select(r => findings.GetValueOrDefault(r)))}");
        Assert.All(related.Skip(named), r => Assert.NotEqual(SampleRepository.SettingsFile, findings.GetValueOrDefault(r)));
        var response = Assert.Single(result.Fact("IssueResponder.response"));
        Assert.Contains(SampleRepository.SettingsFile, response, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, response, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadSubmissions => new()
    {
        { """{"kind":"issue_respond","options":{}}""", "options.issue" },
        { """{"kind":"issue_respond","options":{"issue":{"title":" ","body":""}}}""", "options.issue" },
        { """{"kind":"issue_respond","options":{"issue":"it crashes"}}""", "options.issue" },
        { """{"kind":"issue_respond","options":{"issue":{"title":"x","colour":"red"}}}""", "options.issue.colour" },
        { """{"kind":"issue_respond","options":{"issue":{"title":"x"},"language":"klingon"}}""", "options.language" },
        { """{"kind":"issue_respond","options":{"issue":{"title":"x"},"depth":"surface"}}""", "options.depth" },
        { """{"kind":"issue_respond","options":{"issue":{"title":"x","labels":["", "bug"]}}}""", "options.issue.labels" },
        { "{\"kind\":\"issue_respond\",\"options\":{\"issue\":{\"title\":\"" + new string('t', 513) + "\"}}}", "options.issue.title" },
        { """{"kind":"orchestrate","options":{"issue":{"title":"x"}}}""", "options.issue" },
        { """{"kind":"orchestrate","options":{"language":"german"}}""", "options.language" },
        { """{"kind":"orchestrate","options":{"depth":"bottomless"}}""", "options.depth" },
        { """{"kind":"osint","options":{"urls":["https://example.com/"],"auto_fix":true}}""", "options.auto_fix" },
        { """{"kind":"issue_respond","options":{"issue":{"title":"x"},"auto_fix":true}}""", "options.auto_fix" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task A_bad_issue_submission_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Http.PostJsonAsync("/api/v1/tasks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
