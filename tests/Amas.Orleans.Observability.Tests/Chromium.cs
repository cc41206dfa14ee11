using System.Diagnostics;

namespace Amas.Orleans.Observability.Tests;

/// <summary>Headless Chromium (Debian's <c>chromium</c>, installed by .ci/run) run once per page, with a throwaway profile.</summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Path => Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Headless Chromium is not installed (looked for " + string.Join(", ", Candidates) + "). Install it: apt-get install -y chromium (.ci/run does).");

    /// <summary>The DOM after the page's scripts ran for <paramref name="budget"/> of virtual time.</summary>
    public static async Task<string> DumpDomAsync(Uri page, TimeSpan budget)
        => (await RunAsync(page, budget, "--dump-dom")).Output;

    public static async Task ScreenshotAsync(Uri page, TimeSpan budget, string file)
    {
        var (_, error) = await RunAsync(page, budget, $"--screenshot={file}", "--window-size=1400,1000");
        Assert.True(File.Exists(file), $"Chromium wrote no screenshot: {error}");
    }

    private static async Task<(string Output, string Error)> RunAsync(Uri page, TimeSpan budget, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("amas-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={(int)budget.TotalMilliseconds}", .. arguments, page.AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish with {page} within 90 s.");
            }

            return (await output, await error);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
