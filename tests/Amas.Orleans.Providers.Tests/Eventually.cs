namespace Amas.Orleans.Providers.Tests;

/// <summary>Waits, up to a bound, for something another party does after the call under test returned.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string failure, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
