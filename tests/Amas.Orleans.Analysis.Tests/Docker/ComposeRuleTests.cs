using Amas.Orleans.Analysis.Docker;
using static Amas.Orleans.Analysis.Tests.Docker.DockerSamples;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class ComposeRuleTests
{
    private static string Service(string body) => "services:\n  web:\n    image: nginx:1.27\n" + body;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "AMAS-COMPOSE-PRIVILEGED", Service("    privileged: true\n"), Service("    privileged: false\n") },
        { "AMAS-COMPOSE-CAP-ADD", Service("    cap_add:\n      - SYS_ADMIN\n"), Service("    cap_add:\n      - NET_BIND_SERVICE\n") },
        { "AMAS-COMPOSE-HOST-NETWORK", Service("    network_mode: host\n"), Service("    network_mode: bridge\n") },
        { "AMAS-COMPOSE-HOST-PID", Service("    pid: host\n"), Service("    pid: \"service:db\"\n") },
        { "AMAS-COMPOSE-SECRET", Service($"    environment:\n      DB_PASSWORD: {Secret}\n"), Service("    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n") },
        { "AMAS-COMPOSE-LATEST", "services:\n  web:\n    image: nginx:latest\n", "services:\n  web:\n    image: nginx:1.27\n" },
        { "AMAS-COMPOSE-UNTAGGED", "services:\n  web:\n    image: nginx\n", "services:\n  web:\n    image: nginx@sha256:0123abcd\n" },
        { "AMAS-COMPOSE-DOCKER-SOCK", Service("    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"), Service("    volumes:\n      - ./data:/var/lib/data\n") },
        { ComposeRules.ParseRuleId, "services:\n  web: [unclosed\n", "services:\n  web: {}\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_compose_rule_flags_its_example_and_spares_the_near_miss(string rule, string flagged, string nearMiss)
    {
        Assert.NotEmpty(Lines(rule, flagged));
        Assert.Empty(Lines(rule, nearMiss));
    }

    [Fact]
    public void Every_built_in_compose_rule_has_an_example_and_a_near_miss()
    {
        var covered = Cases.Select(row => (string)row[0]).ToHashSet();

        Assert.Subset(covered, ComposeRules.Default.Select(r => r.Id).Append(ComposeRules.ParseRuleId).ToHashSet());
    }

    [Fact]
    public void Secrets_are_found_in_the_list_form_of_environment_on_their_own_line_and_redacted()
    {
        var yaml = Service($"    environment:\n      - APP_ENV=prod\n      - STRIPE_API_KEY={Secret}\n      - PASSED_THROUGH_TOKEN\n");

        var finding = Assert.Single(Analyze(yaml).Findings);

        Assert.Equal(("AMAS-COMPOSE-SECRET", 6), (finding.Rule, finding.Line!.Value));
        Assert.DoesNotContain(Secret, finding.Evidence!, StringComparison.Ordinal);
        Assert.StartsWith("STRIPE_API_KEY=" + Secret[..3] + "*", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_point_at_the_offending_key_of_the_right_service()
    {
        var yaml = """
            services:
              db:
                image: postgres:16
              agent:
                image: portainer/agent:2.21.0
                privileged: true
                volumes:
                  - type: bind
                    source: /var/run/docker.sock
                    target: /var/run/docker.sock
            """;

        Assert.Equal(
            [(6, "AMAS-COMPOSE-PRIVILEGED"), (9, "AMAS-COMPOSE-DOCKER-SOCK")],
            Analyze(yaml).Findings.Select(f => (f.Line!.Value, f.Rule)));
        Assert.All(Analyze(yaml).Findings, f => Assert.Contains("'agent'", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_image_named_for_a_build_or_given_by_a_variable_is_not_untagged()
    {
        Assert.Empty(Lines("AMAS-COMPOSE-UNTAGGED", "services:\n  app:\n    build: .\n    image: myapp\n"));
        Assert.Empty(Lines("AMAS-COMPOSE-UNTAGGED", "services:\n  app:\n    image: ${IMAGE}\n"));
    }

    [Fact]
    public void Files_without_services_or_with_odd_shapes_yield_nothing_and_do_not_throw()
    {
        foreach (var yaml in new[] { "", "just a string", "- a\n- b\n", "services: []\n", "services:\n  web: 3\n", "---\n...\n" })
        {
            var analysis = Analyze(yaml);

            Assert.Equal(0, analysis.Services);
            Assert.Empty(analysis.Findings);
        }
    }

    private static ComposeAnalysis Analyze(string yaml) => new ComposeAnalyzer().Analyze(new SourceFile("docker-compose.yml", yaml));

    private static IReadOnlyList<int> Lines(string rule, string yaml) =>
        [.. Analyze(yaml).Findings.Where(f => f.Rule == rule).Select(f => f.Line!.Value)];
}
