using Amas.Orleans.Silo.Commands;
using Amas.Orleans.Silo.Hosting;
using Amas.Orleans.Silo.Migrations;

// `silo migrate ...` applies the PostgreSQL schema and exits; it never starts Orleans.
if (args.Length > 0 && args[0] == MigrateCommand.Name)
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellation.Token);
}

if (args.Length > 0 && args[0] == CheckConfigCommand.Name)
{
    var configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args[1..])
        .Build();
    return CheckConfigCommand.Run(configuration, Console.Out);
}

// A silo process: Orleans plus a small HTTP port for health probes. The HTTP API runs in the gateway.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8081");
}

builder.AddAmasSilo();
builder.Services.AddAmasHealthChecks();

var app = builder.Build();
app.MapAmasHealth();
app.Run();
return 0;
