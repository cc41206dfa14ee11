using Amas.Orleans.Orchestration;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Amas.Orleans.Hosting;

/// <summary>
/// Builds what every orchestrator activation needs — the decision engine with the registry and every agent in it, the
/// task policy, the upload store — while the silo starts. Otherwise the first activation after a start pays for all
/// of it, and on a loaded machine that alone outlasts a gateway's call timeout (a 503 for the first status read after
/// a whole-cluster restart).
/// </summary>
internal sealed class SiloWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DecisionEngine>();
        services.GetRequiredService<TaskSpecPolicy>();
        services.GetRequiredService<IUploadStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
