using Amas.Orleans.Silo.Migrations;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrateCommandTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Migrate_prints_a_line_per_migration_and_exits_zero_then_skips_them_on_a_second_run()
    {
        var database = await fixture.Server.CreateDatabaseAsync();

        var (first, firstOutput, _) = await RunAsync("--connection", database);
        var (second, secondOutput, _) = await RunAsync("--connection", database);

        Assert.Equal(0, first);
        Assert.Equal(MigrationCatalog.Embedded.Select(m => $"applied {m.Version:D4}_{m.Name}"), Lines(firstOutput));
        Assert.Equal(0, second);
        Assert.Equal(MigrationCatalog.Embedded.Select(m => $"skipped {m.Version:D4}_{m.Name}"), Lines(secondOutput));
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_names_the_option_and_the_configuration_key()
    {
        var (exitCode, _, error) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("--connection", error, StringComparison.Ordinal);
        Assert.Contains(MigrateCommand.ConnectionStringKey, error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MigrateCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
