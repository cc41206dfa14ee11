using Amas.Orleans.Gateway;
using Amas.Orleans.Gateway.Security.ApiKeys;

// `gateway new-api-key` prints a key and its hash (for the bootstrap admin key) and exits.
if (args is [NewApiKeyCommand.Name, ..])
{
    return NewApiKeyCommand.Run(Console.Out);
}

GatewayApp.Build(args).Run();
return 0;
