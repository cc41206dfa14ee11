using System.Net;
using System.Net.Sockets;
using Amas.Orleans.Testing.Servers;

namespace Amas.Orleans.Durability.Tests;

public sealed class RedisServerTests
{
    [Fact]
    public async Task A_started_redis_answers_ping_and_is_gone_with_its_folder_after_dispose()
    {
        var server = await RedisServer.StartAsync();
        string directory;
        int port;
        await using (server)
        {
            directory = server.DataDirectory;
            port = server.Port;
            Assert.Equal("+PONG", await server.SendAsync("PING"));
            Assert.Equal("+OK", await server.SendAsync("SET greeting hello"));
            Assert.Equal($"127.0.0.1:{port}", server.ConnectionString);
        }

        Assert.False(Directory.Exists(directory));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task A_stopped_redis_refuses_connections_and_answers_again_on_the_same_port_after_starting_again()
    {
        await using var server = await RedisServer.StartAsync();
        var port = server.Port;

        await server.StopAsync();
        Assert.False(server.IsRunning);
        await Assert.ThrowsAnyAsync<SocketException>(() => server.SendAsync("PING"));

        await server.StartAgainAsync();
        Assert.Equal(port, server.Port);
        Assert.Equal("+PONG", await server.SendAsync("PING"));
    }
}
