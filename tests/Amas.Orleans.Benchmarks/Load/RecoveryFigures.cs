namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// Recovery after a SIGKILL of a silo process in the 3-silo local cluster: how long until every interrupted task ran
/// again on another silo, against the membership detection time the cluster is configured with.
/// </summary>
/// <param name="Skipped">Why it was not measured, when it was not.</param>
public sealed record RecoveryFigures(int Submitted, int Interrupted, double Seconds, double DetectionSeconds, string Membership, string? Skipped = null)
{
    public const double MarginSeconds = 5;

    public bool TargetMet => Skipped is null && Seconds <= DetectionSeconds + MarginSeconds;
}
