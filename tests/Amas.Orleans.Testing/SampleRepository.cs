using System.Diagnostics;

namespace Amas.Orleans.Testing;

/// <summary>
/// The sample repository with planted problems, materialised in a fresh directory. The committed part lives in
/// Fixtures/sample-repo; the planted credentials are assembled here at run time so that no credential-shaped
/// string is ever committed to this repository.
/// </summary>
public static class SampleRepository
{
    /// <summary>A fake AWS access key id (never valid): "AKIA" and 16 upper-case letters and digits.</summary>
    public static readonly string AwsAccessKeyId = "AK" + "IA" + "Q3EGRVKDM5WLTN7P";

    /// <summary>A fake GitHub personal access token (never valid): "ghp_" and 36 letters and digits.</summary>
    public static readonly string GitHubToken = "gh" + "p_" + "R8vK2mQx7LwT4nZp9YhC3jF6sD1aB5gE0uNi";

    public const string SettingsFile = "config/settings.py";
    public const string BinaryFile = "assets/logo.bin";

    /// <summary>Copies the sample into a new directory under <paramref name="parent"/> and returns its path.</summary>
    public static string Create(string parent)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample-repo");
        var root = Path.Combine(parent, "sample-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, SettingsFile), string.Join('\n',
            "# Settings of the sample service.",
            $"AWS_ACCESS_KEY_ID = \"{AwsAccessKeyId}\"",
            $"GITHUB_TOKEN = \"{GitHubToken}\"",
            "API_KEY = os.environ[\"API_KEY\"]",
            "PASSWORD = \"changeme\"",
            ""));

        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllBytes(Path.Combine(root, BinaryFile), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x01, 0x02]);
        return root;
    }

    /// <summary>Makes <paramref name="root"/> a git repository with everything committed; returns the commit id.</summary>
    public static string CommitAll(string root)
    {
        Git(root, "init", "--quiet", "--initial-branch=main");
        Git(root, "add", "--all");
        Git(root, "-c", "user.name=Sample", "-c", "user.email=sample@example.invalid", "commit", "--quiet", "-m", "sample");
        return Git(root, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git in <paramref name="root"/> and returns what it printed; throws when it fails.</summary>
    public static string Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
    }
}
