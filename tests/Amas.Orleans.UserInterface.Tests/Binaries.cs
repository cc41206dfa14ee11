namespace Amas.Orleans.UserInterface.Tests;

/// <summary>The gateway and amas binaries of this build (same configuration as the tests), found from the clone's root.</summary>
public static class Binaries
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>Debug or Release: the folder this test assembly was built into says which.</summary>
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Gateway => Existing(Path.Combine(RepositoryRoot, "gateway", "bin", Configuration, "net10.0", "Amas.Orleans.Gateway.dll"));

    public static string Amas => Existing(Path.Combine(RepositoryRoot, "gateway", "cli", "bin", Configuration, "net10.0", "amas.dll"));

    private static string Existing(string path)
        => File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution first (tests/run.sh does).", path);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Amas.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the clone: Amas.Orleans.sln was not found above them.");
    }
}
