using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration.Admission;

[GenerateSerializer, Alias("amas.AdmissionState")]
public sealed class AdmissionState
{
    [Id(0)] public HashSet<Guid> Running { get; set; } = [];
    /// <summary>Kept in start order (<see cref="AdmissionOrder"/>), so the head is always the next to run.</summary>
    [Id(1)] public List<AdmissionTicket> Waiting { get; set; } = [];
}
