using System.Net;
using System.Net.Sockets;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// Which IP addresses the fetcher may connect to. Checked on the address the socket is about to connect to, so a
/// name that resolves differently at check time and connect time (DNS rebinding) gains nothing.
/// </summary>
public sealed class AddressPolicy(
    bool allowLoopback,
    bool allowPrivateNetworks,
    IEnumerable<IPAddress>? allowedAddresses = null,
    IEnumerable<IPNetwork>? allowedNetworks = null)
{
    private readonly HashSet<IPAddress> _allowed = [.. allowedAddresses ?? []];
    private readonly IPNetwork[] _allowedNetworks = [.. allowedNetworks ?? []];

    public static AddressPolicy PublicOnly { get; } = new(false, false);

    public static AddressPolicy From(OsintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AddressPolicy(
            options.AllowLoopback,
            options.AllowPrivateNetworks,
            options.AllowedAddresses.Select(IPAddress.Parse),
            options.AllowedNetworks.Select(IPNetwork.Parse));
    }

    public bool AllowLoopback { get; } = allowLoopback;

    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    /// <summary>Null when allowed, otherwise why not ("loopback", "private", …).</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowed.Contains(plain) || _allowedNetworks.Any(n => n.Contains(plain)))
        {
            return null;
        }

        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback when AllowLoopback => null,
            AddressKind.Private or AddressKind.LinkLocal or AddressKind.UniqueLocal or AddressKind.SharedCgnat
                when AllowPrivateNetworks => null,
            _ => kind.ToString().ToLowerInvariant(),
        };
    }

    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 => AddressKind.Unspecified,
                10 => AddressKind.Private,
                127 => AddressKind.Loopback,
                100 when (b[1] & 0xC0) == 64 => AddressKind.SharedCgnat,
                169 when b[1] == 254 => AddressKind.LinkLocal,
                172 when (b[1] & 0xF0) == 16 => AddressKind.Private,
                192 when b[1] == 168 => AddressKind.Private,
                192 when b[1] == 0 && b[2] == 0 => AddressKind.Reserved,
                198 when (b[1] & 0xFE) == 18 => AddressKind.Reserved,
                >= 224 and <= 239 => AddressKind.Multicast,
                >= 240 => AddressKind.Reserved,
                _ => AddressKind.Public,
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressKind.Reserved;
        }

        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return AddressKind.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressKind.Loopback;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        if (address.IsIPv6Multicast)
        {
            return AddressKind.Multicast;
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return AddressKind.LinkLocal;
        }

        if ((v6[0] & 0xFE) == 0xFC)
        {
            return AddressKind.UniqueLocal;
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address that decides.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B)
        {
            return Classify(new IPAddress(v6[12..16]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return Classify(new IPAddress(v6[2..6]));
        }

        return AddressKind.Public;
    }
}

public enum AddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    UniqueLocal,
    SharedCgnat,
    Multicast,
    Unspecified,
    Reserved,
}

/// <summary>Thrown from the connect callback when the address about to be connected to is not allowed.</summary>
public sealed class AddressRefusedException(string host, IPAddress address, string reason)
    : IOException($"Refused to connect to {host} at {address}: {reason} address")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;

    public string Reason { get; } = reason;
}
