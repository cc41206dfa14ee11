namespace Amas.Orleans.Testing;

/// <summary>The checkout these tests were built from (the directory holding Amas.Orleans.sln), for tests that read its docs.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Amas.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Amas.Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
