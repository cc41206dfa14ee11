namespace Amas.Orleans.Gateway.Hosting;

/// <summary>Defaults the embedded mode chose for itself, reported in the startup log.</summary>
internal static class EmbeddedDefaults
{
    public static string? AllowedRoot { get; set; }
}
