using System.CommandLine;

namespace Amas.Orleans.Cli;

/// <summary>What a command's action gets: the client, how to write, and whether the output is JSON.</summary>
public sealed class CliRun(GatewayClient gateway, bool json, TextWriter output, TextWriter error)
{
    public GatewayClient Gateway { get; } = gateway;

    public bool Json { get; } = json;

    /// <summary>Results: the only thing written in JSON mode.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Progress and errors, so stdout stays clean for pipes.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>
    /// Runs a command's body with the client built from the global options, and turns the errors a user can act on
    /// into a message and a distinct exit code instead of a stack trace.
    /// </summary>
    public static void Bind(Command command, GlobalOptions options, Func<ParseResult, CliRun, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!Uri.TryCreate(parse.GetValue(options.Url), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"amas: --url '{parse.GetValue(options.Url)}' is not an http(s) URL.");
                return ExitCodes.Usage;
            }

            var timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(options.TimeoutSeconds)));
            using var gateway = new GatewayClient(url, parse.GetValue(options.ApiKey), timeout);
            var run = new CliRun(gateway, parse.GetValue(options.Output) == "json", parse.InvocationConfiguration.Output, error);
            try
            {
                return await body(parse, run, cancellationToken);
            }
            catch (UsageException ex)
            {
                await error.WriteLineAsync($"amas: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (GatewayException ex)
            {
                await error.WriteLineAsync($"amas: {ex.Message}");
                return ExitCodes.Api;
            }
        });
    }
}
