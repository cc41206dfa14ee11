namespace Amas.Orleans.Tasks;

/// <summary>A task asking to run: the admission queue orders tickets by priority, then by submission time.</summary>
[GenerateSerializer, Immutable, Alias("amas.AdmissionTicket")]
public sealed record AdmissionTicket
{
    [Id(0)] public required Guid TaskId { get; init; }
    /// <summary>The effective priority: <c>emergency_response</c> tasks count as critical whatever they asked for.</summary>
    [Id(1)] public required TaskPriority Priority { get; init; }
    [Id(2)] public required DateTimeOffset SubmittedAt { get; init; }
}
