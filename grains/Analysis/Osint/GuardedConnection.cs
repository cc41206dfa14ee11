using System.Net;
using System.Net.Sockets;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// The fetcher's primary handler: no automatic redirects (each hop is re-checked by the fetcher), no proxy (a proxy
/// would make the connect callback see the proxy's address, not the target's), and a connect callback that resolves
/// the name itself and refuses forbidden addresses on the very address the socket connects to.
/// </summary>
public static class GuardedConnection
{
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy, IHostResolver resolver, TimeSpan connectTimeout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(resolver);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, token) => ConnectAsync(context.DnsEndPoint, policy, resolver, token),
        };
    }

    public static async ValueTask<Stream> ConnectAsync(
        DnsEndPoint endPoint, AddressPolicy policy, IHostResolver resolver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = await resolver.ResolveAsync(endPoint.Host, cancellationToken);
        AddressRefusedException? refused = null;
        Exception? failure = null;
        foreach (var address in addresses)
        {
            var reason = policy.Refusal(address);
            if (reason is not null)
            {
                refused ??= new AddressRefusedException(endPoint.Host, address, reason);
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                failure = e;
                if (e is OperationCanceledException)
                {
                    throw;
                }
            }
        }

        throw (Exception?)refused ?? failure ?? new SocketException((int)SocketError.HostNotFound);
    }
}
