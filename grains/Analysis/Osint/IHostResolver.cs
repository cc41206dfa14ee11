using System.Net;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>Name resolution for the fetcher's connect callback; a seam so tests can make any name resolve anywhere.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsHostResolver : IHostResolver
{
    public static DnsHostResolver Instance { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, cancellationToken);
}
