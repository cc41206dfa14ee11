namespace Amas.Orleans.Providers;

/// <summary><c>closed → open</c> after too many failures, <c>open → half_open</c> after the cool-down, <c>half_open → closed</c> after enough successes.</summary>
[GenerateSerializer, Alias("amas.CircuitState")]
public enum CircuitState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}
