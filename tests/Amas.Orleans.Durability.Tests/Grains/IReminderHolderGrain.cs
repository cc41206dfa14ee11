namespace Amas.Orleans.Durability.Tests.Grains;

/// <summary>A grain that registers and removes reminders on request and lists what the reminder table holds.</summary>
public interface IReminderHolderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string name);

    Task<IReadOnlyList<string>> ListAsync();
}
