using System.Net;
using System.Text.Json;
using Amas.Orleans.UserInterface.Tests.Cli;
using Amas.Orleans.UserInterface.Tests.WebConsole;

namespace Amas.Orleans.UserInterface.Tests;

/// <summary>The console and the CLI against a gateway with authentication on.</summary>
[Collection(SecuredGatewayProcessCollection.Name)]
public sealed class SecuredFrontDoorTests(SecuredGatewayProcess gateway)
{
    [Fact]
    public async Task The_console_is_refused_until_a_key_is_entered_once_and_then_submits_and_reads_a_task()
    {
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "web-console")).FullName;

        var (exitCode, stdout, stderr) = await Playwright.RunAsync("secured-e2e.mjs", gateway.Url.ToString().TrimEnd('/'), gateway.ApiKey, artifacts);

        Assert.True(exitCode == 0, $"node exited {exitCode}:\n{stderr}\n{stdout}");
        using var run = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var page = run.RootElement;
        Assert.StartsWith("401", page.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.Equal("api-key", page.GetProperty("focused").GetString());
        Assert.Equal("documentation", page.GetProperty("category").GetString());
        Assert.True(page.GetProperty("storedInSession").GetBoolean());
        Assert.Equal(0, page.GetProperty("localItems").GetInt32());
        Assert.Empty(page.GetProperty("pageErrors").EnumerateArray());

        using var anonymous = new HttpClient { BaseAddress = gateway.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/tasks/{page.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task The_cli_without_a_key_is_an_api_error_naming_the_401_and_with_amas_api_key_it_works()
    {
        var refused = await AmasCli.RunAsync(new Dictionary<string, string?> { ["AMAS_URL"] = gateway.Url.ToString() }, "tasks");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);

        var allowed = await AmasCli.RunAsync(new Dictionary<string, string?> { ["AMAS_URL"] = gateway.Url.ToString(), ["AMAS_API_KEY"] = gateway.ApiKey }, "tasks", "--output", "json");
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        using var list = JsonDocument.Parse(allowed.Stdout);
        Assert.Equal(JsonValueKind.Array, list.RootElement.GetProperty("items").ValueKind);

        var flag = await AmasCli.RunAsync(new Dictionary<string, string?> { ["AMAS_URL"] = gateway.Url.ToString() }, "agents", "--api-key", gateway.ApiKey);
        Assert.True(flag.ExitCode == 0, flag.ToString());
        Assert.Contains("SecurityScanner", flag.Stdout, StringComparison.Ordinal);
    }
}
