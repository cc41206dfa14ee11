namespace Amas.Orleans.Providers;

/// <summary>Names shared by the provider registrations and the classes that resolve them.</summary>
public static class ProviderServices
{
    /// <summary>
    /// The key of the <see cref="TimeProvider"/> the providers read: a keyed service, so that tests can give the
    /// providers a fake clock without handing it to Orleans' own timers and membership.
    /// </summary>
    public const string ClockKey = "amas:providers:clock";
}
