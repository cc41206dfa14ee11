using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Amas.Orleans.UserInterface.Tests.WebConsole;

/// <summary>
/// playwright-core from npm (no browser download: it drives Debian's <c>/usr/bin/chromium</c>), installed once into a
/// cache folder (<c>AMAS_UI_TEST_CACHE</c>, else beside the test binaries) and reused while its version matches.
/// </summary>
public static class Playwright
{
    public const string Package = "playwright-core";
    public const string PackageVersion = "1.65.1";

    private static readonly Lazy<Task<string>> Installation = new(InstallAsync);

    /// <summary>Runs a script of this folder with node where playwright-core resolves; returns exit code, stdout, stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] arguments)
    {
        var prefix = await Installation.Value;
        // The scripts and the module they share (browser.mjs) sit where playwright-core resolves.
        foreach (var file in new[] { "browser.mjs", script })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "WebConsole", file), Path.Combine(prefix, file), overwrite: true);
        }

        return await RunProcessAsync("node", [Path.Combine(prefix, script), .. arguments], prefix, TimeSpan.FromMinutes(5));
    }

    private static async Task<string> InstallAsync()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("Debian chromium is not installed (apt-get install -y chromium); .ci/run installs it.");
        }

        var cache = Environment.GetEnvironmentVariable("AMAS_UI_TEST_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, ".cache");
        var prefix = Path.Combine(cache, $"{Package}-{PackageVersion}");
        Directory.CreateDirectory(prefix);
        var installed = Path.Combine(prefix, "node_modules", Package, "package.json");
        if (File.Exists(installed) && JsonNode.Parse(await File.ReadAllTextAsync(installed))?["version"]?.GetValue<string>() == PackageVersion)
        {
            return prefix;
        }

        var npm = await RunProcessAsync("npm",
            ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", $"{Package}@{PackageVersion}"],
            prefix, TimeSpan.FromMinutes(5));
        return npm.ExitCode == 0 && File.Exists(installed)
            ? prefix
            : throw new InvalidOperationException($"npm install {Package}@{PackageVersion} into {prefix} failed ({npm.ExitCode}):\n{npm.Error}");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The browser is Debian's; Playwright must never try to fetch one.
        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{fileName}' could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
