using Amas.Orleans.Hosting;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>The ADO.NET reminder table with every call seen by <see cref="StorageHealth"/> (see <see cref="ObservedGrainStorage"/>).</summary>
internal sealed class ObservedReminderTable(IReminderTable inner, StorageHealth health) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default)
        => health.ObserveAsync(() => inner.StartAsync(cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => health.ObserveAsync(() => inner.ReadRows(grainId));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => health.ObserveAsync(() => inner.ReadRows(begin, end));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => health.ObserveAsync(() => inner.ReadRow(grainId, reminderName));

    public Task<string?> UpsertRow(ReminderEntry entry) => health.ObserveAsync(() => inner.UpsertRow(entry));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => health.ObserveAsync(() => inner.RemoveRow(grainId, reminderName, eTag));

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}
