namespace Amas.Orleans.Providers;

/// <summary>One chat message. <paramref name="Name"/> is dropped for providers that reject <c>messages[].name</c>.</summary>
[GenerateSerializer, Immutable, Alias("amas.ProviderMessage")]
public sealed record ProviderMessage(
    [property: Id(0)] string Role,
    [property: Id(1)] string Content,
    [property: Id(2)] string? Name = null)
{
    public static ProviderMessage System(string content) => new("system", content);

    public static ProviderMessage User(string content) => new("user", content);
}
