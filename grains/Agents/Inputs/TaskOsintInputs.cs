using Amas.Orleans.Analysis.Osint;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Agents.Inputs;

/// <summary>An osint task's URLs, keywords and link depth, as the orchestrator validated them.</summary>
public sealed class TaskOsintInputs : IOsintInputs
{
    public OsintRequest? Resolve(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Work.Options;
        return context.Work.Kind == TaskKind.Osint ? OsintRequest.FromOptions(options.Urls, options.Keywords, options.Depth) : null;
    }
}
