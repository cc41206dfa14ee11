using Amas.Orleans.Testing.Servers;

namespace Amas.Orleans.Durability.Tests;

public sealed class ServerBinariesTests
{
    [Fact]
    public void A_missing_server_binary_names_the_debian_package_to_install()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ServerBinaries.Find("amas-no-such-server", "amas-example-package", "/nonexistent/*/bin"));

        Assert.Contains("amas-no-such-server", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y amas-example-package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgresql_server_binaries_are_found_outside_path()
    {
        var initdb = ServerBinaries.Find("initdb", "postgresql", "/usr/lib/postgresql/*/bin");

        Assert.True(File.Exists(initdb), initdb);
    }
}
