namespace Amas.Orleans.Durability.Tests.Grains;

public sealed class ReminderHolderGrain : Grain, IReminderHolderGrain, IRemindable
{
    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder '{name}'.");
        await this.UnregisterReminder(reminder);
    }

    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var reminders = await this.GetReminders();
        return [.. reminders.Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal)];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
