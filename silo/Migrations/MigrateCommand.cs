using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Amas.Orleans.Silo.Migrations;

/// <summary>
/// <c>silo migrate [--connection "&lt;connection string&gt;"]</c>: applies the schema and exits. The connection
/// string comes from <c>--connection</c> or the usual configuration key <c>Amas:Postgres:ConnectionString</c>
/// (appsettings, environment <c>Amas__Postgres__ConnectionString</c>). Prints one line per migration.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";
    public const string ConnectionStringKey = "Amas:Postgres:ConnectionString";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--connection"] = ConnectionStringKey })
            .Build();

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync($"silo migrate: no connection string. Pass --connection \"<connection string>\" or set {ConnectionStringKey}.");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var runner = new MigrationRunner(connectionString, loggerFactory.CreateLogger<MigrationRunner>());
        try
        {
            foreach (var outcome in await runner.RunAsync(cancellationToken))
            {
                var verb = outcome.Action == MigrationAction.Applied ? "applied" : "skipped";
                await output.WriteLineAsync($"{verb} {outcome.Version:D4}_{outcome.Name}");
            }

            return 0;
        }
        catch (Exception exception) when (exception is MigrationChecksumMismatchException or InvalidOperationException or NpgsqlException)
        {
            await error.WriteLineAsync($"silo migrate: {exception.Message}");
            return 1;
        }
    }
}
