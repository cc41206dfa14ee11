namespace Amas.Orleans.Tasks;

/// <summary><c>pending → running → succeeded | failed | cancelled</c>.</summary>
[GenerateSerializer, Alias("amas.TaskLifecycle")]
public enum TaskLifecycle
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}
