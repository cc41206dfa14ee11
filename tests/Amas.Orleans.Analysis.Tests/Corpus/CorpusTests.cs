using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Findings;
using Amas.Orleans.Tasks;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Amas.Orleans.Analysis.Tests.Corpus;

/// <summary>
/// Issue 4's acceptance corpus: all five Layer-1 agents, through their <see cref="IAgent"/> classes, over a checkout
/// that <see cref="RepositoryWalker"/> lists from Corpus/repo (secrets planted at run time), must report exactly the
/// findings in Corpus/expected-findings.txt, which is written by hand and never generated from the agents' output.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "amas-corpus-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_five_layer_one_agents_report_exactly_the_hand_written_findings()
    {
        PlantedSecrets.Materialise(Path.Combine(CorpusDirectory, "repo"), _root);
        var checkout = new RepositoryWalker(Options.Create(new RepositoryOptions()), NullLogger<RepositoryWalker>.Instance)
            .Walk(_root, commit: null, CancellationToken.None);

        var actual = new List<ExpectedFinding>();
        foreach (var agent in Agents())
        {
            var result = await agent.RunAsync(Context(agent.Descriptor.Name, checkout), CancellationToken.None);
            actual.AddRange(result.Findings.Select(f => new ExpectedFinding(f.Agent, f.Rule, f.File ?? "", f.Line ?? 0, f.Suppression is not null)));
        }

        var expected = ExpectedFinding.Parse(File.ReadAllLines(Path.Combine(CorpusDirectory, "expected-findings.txt")));
        var missing = Subtract(expected, actual);
        var extra = Subtract(actual, expected);
        foreach (var line in missing.Select(f => "- missing " + f).Concat(extra.Select(f => "+ extra   " + f)))
        {
            output.WriteLine(line);
        }

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{missing.Count} missing and {extra.Count} extra findings against expected-findings.txt:\n"
            + string.Join('\n', missing.Select(f => "- missing " + f).Concat(extra.Select(f => "+ extra   " + f))));
    }

    [Fact]
    public async Task The_ConflictResolver_makes_one_finding_of_each_credential_two_agents_reported_and_keeps_the_ignored_one_suppressed()
    {
        PlantedSecrets.Materialise(Path.Combine(CorpusDirectory, "repo"), _root);
        var checkout = new RepositoryWalker(Options.Create(new RepositoryOptions()), NullLogger<RepositoryWalker>.Instance)
            .Walk(_root, commit: null, CancellationToken.None);
        var reports = new List<AgentReport>();
        foreach (var agent in Agents())
        {
            var run = await agent.RunAsync(Context(agent.Descriptor.Name, checkout), CancellationToken.None);
            reports.Add(new AgentReport { TaskId = Guid.Empty, Agent = agent.Descriptor.Name, Status = AgentRunStatus.Succeeded, Layer = 1, Findings = run.Findings });
        }

        var result = await new ConflictResolverAgent().RunAsync(Context(ConflictResolverAgent.AgentName, checkout) with { Inputs = reports }, CancellationToken.None);

        var expected = ExpectedFinding.Parse(File.ReadAllLines(Path.Combine(CorpusDirectory, "expected-findings.txt")));
        Assert.Equal(expected.Count, result.Metrics["findings_in"]);
        Assert.Equal(expected.Count - 2, result.Findings.Count);
        var merged = result.Findings.Where(f => f.Resolution is not null)
            .Select(f => (f.File, f.Line, string.Join('+', f.Resolution!.From.Select(r => r.Rule)), f.Severity, f.Resolution.SeverityRule))
            .OrderBy(f => f.File, StringComparer.Ordinal);
        Assert.Equal(
            [("deploy/Dockerfile", 7, "secret/generic-assignment+AMAS-DOCKER-SECRET", Severity.Medium, "authoritative-agent"),
             ("deploy/docker-compose.yml", 7, "secret/generic-assignment+AMAS-COMPOSE-SECRET", Severity.Medium, "authoritative-agent")],
            merged);
        var suppressed = Assert.Single(result.Findings, f => f.Suppression is not null);
        Assert.Equal(("config/settings.py", 16, SuppressionKind.InSource), (suppressed.File, suppressed.Line, suppressed.Suppression!.Kind));
        Assert.Equal(2, result.Metrics["severity_conflicts_settled"]);
    }

    [Fact]
    public void Every_planted_secret_is_expected_and_every_expected_secret_is_planted()
    {
        var planted = PlantedSecrets.Materialise(Path.Combine(CorpusDirectory, "repo"), _root)
            .Select(p => (p.File, p.Line))
            .Order()
            .ToList();
        var expected = ExpectedFinding.Parse(File.ReadAllLines(Path.Combine(CorpusDirectory, "expected-findings.txt")))
            .Where(f => f.Rule.StartsWith("secret/", StringComparison.Ordinal) && !f.Suppressed)
            .Select(f => (f.File, f.Line))
            .Order()
            .ToList();

        Assert.Equal(expected, planted);
    }

    [Fact]
    public void The_committed_templates_hold_no_credential()
    {
        var scanner = new Amas.Orleans.Analysis.Security.SecretScanner();
        var templates = Path.Combine(CorpusDirectory, "repo");
        var findings = Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories)
            .SelectMany(path => scanner.Scan(new SourceFile(Path.GetRelativePath(templates, path), File.ReadAllText(path))))
            .Select(f => $"{f.File}:{f.Line} {f.Rule}")
            .ToList();

        Assert.Empty(findings);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IEnumerable<IAgent> Agents() =>
    [
        new CodeQualityInspectorAgent(Options.Create(new CodeQualityOptions())),
        new SecurityScannerAgent(),
        new DockerMonitorAgent(),
        new DependencyAuditorAgent(Options.Create(new DependencyAuditOptions
        {
            AdvisoryDirectory = Path.Combine(CorpusDirectory, "advisories"),
        })),
        new PerformanceAnalyzerAgent(),
    ];

    private static AgentContext Context(string agent, RepositoryCheckout checkout) => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = agent,
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        checkout,
        []);

    /// <summary>Multiset difference: each finding in <paramref name="left"/> not matched one-for-one in <paramref name="right"/>.</summary>
    private static List<ExpectedFinding> Subtract(IEnumerable<ExpectedFinding> left, IEnumerable<ExpectedFinding> right)
    {
        var remaining = right.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<ExpectedFinding>();
        foreach (var finding in left.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal))
        {
            if (remaining.TryGetValue(finding, out var count) && count > 0)
            {
                remaining[finding] = count - 1;
            }
            else
            {
                result.Add(finding);
            }
        }

        return result;
    }
}

/// <summary>
/// One line of expected-findings.txt: agent, rule, file and line, separated by white space, and the word
/// <c>suppressed</c> for a finding that must be reported suppressed.
/// </summary>
public sealed record ExpectedFinding(string Agent, string Rule, string File, int Line, bool Suppressed = false)
{
    public const string SuppressedWord = "suppressed";

    public static List<ExpectedFinding> Parse(IEnumerable<string> lines)
    {
        var findings = new List<ExpectedFinding>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length is < 4 or > 5 || !int.TryParse(fields[3], out var number) || (fields.Length == 5 && fields[4] != SuppressedWord))
            {
                throw new FormatException($"Not 'agent rule file line [suppressed]': '{line}'.");
            }

            findings.Add(new ExpectedFinding(fields[0], fields[1], fields[2], number, fields.Length == 5));
        }

        return findings;
    }

    public override string ToString() => $"{File}:{Line} {Agent} {Rule}{(Suppressed ? " " + SuppressedWord : "")}";
}
