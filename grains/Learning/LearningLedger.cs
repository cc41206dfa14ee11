using Amas.Orleans.Agents;

namespace Amas.Orleans.Learning;

/// <summary>
/// This silo's tallies since its last flush to the <see cref="ILearningSystemGrain"/>: agent runs (from the agent
/// grains), fix outcomes (from the agents that validate fixes) and provider calls (from the router). Recording is an
/// in-memory add, so nothing on an agent's or a call's path waits on the cluster-wide view.
/// </summary>
public sealed class LearningLedger
{
    /// <summary>The prompt kind of a request that names none (<c>POST /api/v1/ai/generate</c>).</summary>
    public const string GeneralPrompt = "general";

    private readonly Lock _gate = new();
    private Dictionary<string, AgentTally> _agents = new(StringComparer.Ordinal);
    private Dictionary<string, ProviderTally> _providers = new(StringComparer.Ordinal);
    private Dictionary<string, string> _repositories = new(StringComparer.Ordinal);

    public void RecordAgentRun(string agent, string repositoryKind, AgentRunStatus status, TimeSpan duration, int findings)
    {
        var succeeded = status == AgentRunStatus.Succeeded;
        Add(new AgentTally
        {
            Agent = agent,
            RepositoryKind = repositoryKind,
            Runs = 1,
            Succeeded = succeeded ? 1 : 0,
            Failed = status is AgentRunStatus.Failed or AgentRunStatus.TimedOut ? 1 : 0,
            DurationMsTotal = Math.Max(0, duration.TotalMilliseconds),
            Findings = succeeded ? findings : 0,
            RunsWithFindings = succeeded && findings > 0 ? 1 : 0,
        });
    }

    /// <summary>
    /// One fix settled: <paramref name="accepted"/> when validation kept it, false when it was rejected.
    /// <paramref name="agent"/> is the agent that proposed the fix (e.g. <c>AutomatedFixer</c>).
    /// </summary>
    public void RecordFixOutcome(string agent, string repositoryKind, bool accepted)
        => Add(new AgentTally
        {
            Agent = agent,
            RepositoryKind = repositoryKind,
            FixesAccepted = accepted ? 1 : 0,
            FixesRejected = accepted ? 0 : 1,
        });

    /// <summary>
    /// The same from inside an agent run (e.g. the QualityValidator settling a fix): the repository kind is the run's;
    /// the fix is counted for <paramref name="proposedBy"/> (default: the running agent).
    /// </summary>
    public void RecordFixOutcome(AgentContext context, bool accepted, string? proposedBy = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = RepositoryKinds.OfDirectory(context.Repository?.Root ?? context.Work.Repository?.LocalPath);
        RecordFixOutcome(proposedBy ?? context.Work.Agent, kind, accepted);
    }

    public void RecordProviderCall(string provider, string? promptKind, bool success, double latencyMs, long tokens)
    {
        var tally = new ProviderTally
        {
            Provider = provider,
            PromptKind = string.IsNullOrWhiteSpace(promptKind) ? GeneralPrompt : promptKind,
            Calls = 1,
            Successes = success ? 1 : 0,
            Failures = success ? 0 : 1,
            LatencyMsTotal = Math.Max(0, latencyMs),
            Tokens = Math.Max(0, tokens),
        };
        lock (_gate)
        {
            Tallies.AddTo(_providers, tally);
        }
    }

    /// <summary>A git repository's kind, seen at its checkout (local paths are read directly when a task is planned).</summary>
    public void RecordRepositoryKind(string gitUrl, string kind)
    {
        lock (_gate)
        {
            _repositories[gitUrl] = kind;
        }
    }

    /// <summary>Everything tallied since the last take; the ledger starts over.</summary>
    public LearningTallies Take()
    {
        lock (_gate)
        {
            var taken = new LearningTallies { Agents = [.. _agents.Values], Providers = [.. _providers.Values], RepositoryKinds = _repositories };
            _agents = new(StringComparer.Ordinal);
            _providers = new(StringComparer.Ordinal);
            _repositories = new(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>Puts back tallies whose flush failed, so the next flush carries them.</summary>
    public void Restore(LearningTallies tallies)
    {
        lock (_gate)
        {
            foreach (var agent in tallies.Agents)
            {
                Tallies.AddTo(_agents, agent);
            }

            foreach (var provider in tallies.Providers)
            {
                Tallies.AddTo(_providers, provider);
            }

            foreach (var (repository, kind) in tallies.RepositoryKinds)
            {
                _repositories.TryAdd(repository, kind);
            }
        }
    }

    private void Add(AgentTally tally)
    {
        lock (_gate)
        {
            Tallies.AddTo(_agents, tally);
        }
    }
}
