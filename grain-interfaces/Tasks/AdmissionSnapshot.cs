namespace Amas.Orleans.Tasks;

/// <summary>What the admission queue holds: the tasks running under the limit and those waiting, in start order.</summary>
[GenerateSerializer, Immutable, Alias("amas.AdmissionSnapshot")]
public sealed record AdmissionSnapshot
{
    [Id(0)] public required int Limit { get; init; }
    [Id(1)] public IReadOnlyList<Guid> Running { get; init; } = [];
    [Id(2)] public IReadOnlyList<AdmissionTicket> Waiting { get; init; } = [];
}
