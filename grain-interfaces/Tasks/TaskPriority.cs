namespace Amas.Orleans.Tasks;

[GenerateSerializer, Alias("amas.TaskPriority")]
public enum TaskPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}
