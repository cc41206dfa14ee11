namespace Amas.Orleans.Durability.Tests.Grains;

[GenerateSerializer]
public sealed class StoredValue
{
    [Id(0)]
    public string? Value { get; set; }
}
