namespace Amas.Orleans.Durability.Tests.Grains;

/// <summary>A grain whose only job is to keep a string in grain storage.</summary>
public interface IStoredValueGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    Task<string?> GetAsync();

    Task ClearAsync();

    /// <summary>Different after every activation: proves a read came from storage, not from memory.</summary>
    Task<Guid> GetActivationIdAsync();

    Task DeactivateAsync();
}
