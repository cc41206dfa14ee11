using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration.Admission;

/// <summary>Start order of waiting tasks: higher priority first, then earlier submission, then task id (a total order).</summary>
public sealed class AdmissionOrder : IComparer<AdmissionTicket>
{
    public static readonly AdmissionOrder Instance = new();

    public int Compare(AdmissionTicket? x, AdmissionTicket? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = x.SubmittedAt.CompareTo(y.SubmittedAt);
        return byTime != 0 ? byTime : x.TaskId.CompareTo(y.TaskId);
    }

    /// <summary><c>emergency_response</c> jumps the queue like a critical task (design §2).</summary>
    public static TaskPriority EffectivePriority(TaskSpec spec)
        => spec.Options.Mode == "emergency_response" ? TaskPriority.Critical : spec.Options.Priority;
}
