using Amas.Orleans.Gateway;

GatewayApp.Build(args).Run();
