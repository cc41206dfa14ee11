namespace Amas.Orleans.Observability.Tests;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; spans and log lines of a task arrive as its grains finish.</summary>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? within = null)
        => HoldsAsync(() => Task.FromResult(condition()), within);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
