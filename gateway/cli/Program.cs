using System.CommandLine;
using Amas.Orleans.Cli;
using Amas.Orleans.Cli.Commands;

var global = new GlobalOptions();
var root = new RootCommand("amas: submit work to an Amas.Orleans cluster and read the results, over its HTTP API.")
{
    SubmitCommand.Create(global),
    TaskCommands.Status(global),
    TaskCommands.Result(global),
    TaskCommands.Cancel(global),
    TaskCommands.List(global),
    ClusterCommands.Providers(global),
    ClusterCommands.Agents(global),
    ClusterCommands.Generate(global),
};
global.AddTo(root);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // Parse errors get their own exit code, so a pipeline can tell a typo from a finding.
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"amas: {error.Message}");
    }

    Console.Error.WriteLine("Run 'amas --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
