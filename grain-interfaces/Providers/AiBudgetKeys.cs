namespace Amas.Orleans.Providers;

/// <summary>The keys of <see cref="IAiBudgetGrain"/>: one per task, one per caller and UTC day.</summary>
public static class AiBudgetKeys
{
    public static string ForTask(Guid taskId) => $"task/{taskId:N}";

    public static string ForCallerDay(string caller, DateOnly day)
        => $"caller/{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}/{caller}";
}
