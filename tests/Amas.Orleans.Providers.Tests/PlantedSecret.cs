namespace Amas.Orleans.Providers.Tests;

/// <summary>A GitHub-token-shaped string built at run time, so these sources hold no credential literal.</summary>
public static class PlantedSecret
{
    public static string GitHubToken()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new Random(5);
        return "gh" + "p_" + new string([.. Enumerable.Range(0, 36).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}
