using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Amas.Orleans.Testing.Osint;

/// <summary>
/// A minimal HTTP/1.1 server on loopback addresses only (127.0.0.1, and 127.0.0.2 on the same port when asked), one
/// response per connection. It records which local address each request arrived on and when, so tests can see
/// where the client really connected and how requests were spaced.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Func<Response>> _routes = new(StringComparer.Ordinal);

    public LoopbackSite(params IPAddress[] addresses)
    {
        addresses = addresses.Length == 0 ? [IPAddress.Loopback] : addresses;
        var first = new TcpListener(addresses[0], 0);
        first.Start();
        Port = ((IPEndPoint)first.LocalEndpoint).Port;
        _listeners.Add(first);
        foreach (var address in addresses.Skip(1))
        {
            var listener = new TcpListener(address, Port);
            listener.Start();
            _listeners.Add(listener);
        }

        foreach (var listener in _listeners)
        {
            _loops.Add(Task.Run(() => AcceptAsync(listener)));
        }
    }

    public int Port { get; }

    public Uri Url(string path, string host = "127.0.0.1") => new($"http://{host}:{Port}{path}");

    public ConcurrentQueue<Hit> Hits { get; } = new();

    /// <summary>Set when a streamed body could not be written to the end because the client went away.</summary>
    public bool StreamAborted { get; private set; }

    public LoopbackSite Page(string path, string html, string contentType = "text/html; charset=utf-8") =>
        Route(path, () => new Response(200, contentType, Encoding.UTF8.GetBytes(html)));

    public LoopbackSite Redirect(string path, string location, int status = 302) =>
        Route(path, () => new Response(status, "text/plain", [], [("Location", location)]));

    /// <summary>A body of <paramref name="bytes"/> bytes written in 16 KiB chunks, without Content-Length unless asked.</summary>
    public LoopbackSite Stream(string path, long bytes, bool declareLength) =>
        Route(path, () => new Response(200, "text/html", [], [], bytes, declareLength));

    public LoopbackSite Route(string path, Func<Response> respond)
    {
        _routes[path] = respond;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var requestLine = head.Split("\r\n")[0].Split(' ');
                var path = requestLine.Length > 1 ? requestLine[1] : "/";
                var host = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "";
                var agent = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))?[11..].Trim() ?? "";
                var local = ((IPEndPoint)client.Client.LocalEndPoint!).Address;
                Hits.Enqueue(new Hit(path, host, local, agent, Stopwatch.GetTimestamp()));
                var response = _routes.TryGetValue(path, out var route) ? route() : new Response(404, "text/plain", "not found"u8.ToArray());
                await WriteAsync(stream, response);
            }
            catch (IOException)
            {
                StreamAborted = true;
            }
            catch (SocketException)
            {
                StreamAborted = true;
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[1];
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16 * 1024)
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }

    private static async Task WriteAsync(NetworkStream stream, Response response)
    {
        var length = response.StreamBytes > 0 ? response.StreamBytes : response.Body.Length;
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(response.Status == 200 ? "OK" : "Status").Append("\r\n")
            .Append("Content-Type: ").Append(response.ContentType).Append("\r\n")
            .Append("Connection: close\r\n");
        if (response.StreamBytes == 0 || response.DeclareLength)
        {
            head.Append("Content-Length: ").Append(length).Append("\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (response.StreamBytes == 0)
        {
            await stream.WriteAsync(response.Body);
            return;
        }

        var chunk = Enumerable.Repeat((byte)'a', 16 * 1024).ToArray();
        for (long written = 0; written < response.StreamBytes; written += chunk.Length)
        {
            await stream.WriteAsync(chunk);
        }
    }

    public sealed record Hit(string Path, string Host, IPAddress LocalAddress, string UserAgent, long Timestamp);

    public sealed record Response(int Status, string ContentType, byte[] Body, (string Name, string Value)[]? ExtraHeaders = null, long StreamBytes = 0, bool DeclareLength = false)
    {
        public (string Name, string Value)[] Headers => ExtraHeaders ?? [];
    }
}
