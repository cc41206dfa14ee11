using Amas.Orleans.Analysis.Docker;
using static Amas.Orleans.Analysis.Tests.Docker.DockerSamples;

namespace Amas.Orleans.Analysis.Tests.Docker;

/// <summary>Every rule with one Dockerfile it must flag and a near miss, the same file with the decisive detail changed.</summary>
public sealed class DockerRuleTests
{
    private const string Base = "FROM debian:12\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "DL3000", Base + "WORKDIR app\n", Base + "WORKDIR /app\n" },
        { "DL3002", Base + "USER app\nUSER root\n", Base + "USER root\nUSER app\n" },
        { "DL3003", Base + "RUN cd /src && make\n", Base + "RUN mkdir /src && make -C /src\n" },
        { "DL3004", Base + "RUN sudo make install\n", Base + "RUN make install\n" },
        { "DL3006", "FROM ubuntu\n", "FROM ubuntu:24.04\n" },
        { "DL3007", "FROM ubuntu:latest\n", "FROM ubuntu:24.04\n" },
        { "DL3008", Base + "RUN apt-get install -y --no-install-recommends curl\n", Base + "RUN apt-get install -y --no-install-recommends curl=7.88.1-10\n" },
        { "DL3009", Base + "RUN apt-get update && apt-get install -y curl=7.88.1-10\n", Base + "RUN apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n" },
        { "DL3013", Base + "RUN pip install --no-cache-dir flask\n", Base + "RUN pip install --no-cache-dir flask==3.0.3\n" },
        { "DL3015", Base + "RUN apt-get install -y curl=7.88.1-10\n", Base + "RUN apt-get install -y --no-install-recommends curl=7.88.1-10\n" },
        { "DL3018", "FROM alpine:3.20\nRUN apk add --no-cache curl\n", "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n" },
        { "DL3019", "FROM alpine:3.20\nRUN apk add curl=8.9.1-r0\n", "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n" },
        { "DL3020", Base + "ADD app.py /app/\n", Base + "ADD app.tar.gz /app/\n" },
        { "DL3022", "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=builder /out /app\n", "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app\n" },
        { "DL3024", "FROM golang:1.22 AS build\nFROM golang:1.22 AS build\n", "FROM golang:1.22 AS build\nFROM golang:1.22 AS test\n" },
        { "DL3025", Base + "CMD python app.py\n", Base + "CMD [\"python\", \"app.py\"]\n" },
        { "DL3027", Base + "RUN apt install -y curl\n", Base + "RUN apt-get install -y curl\n" },
        { "DL3042", Base + "RUN pip install flask==3.0.3\n", Base + "RUN pip install --no-cache-dir flask==3.0.3\n" },
        { "DL3059", Base + "RUN make\nRUN make test\n", Base + "RUN make\nCOPY . .\nRUN make test\n" },
        { "DL4000", Base + "MAINTAINER ops@example.com\n", Base + "LABEL org.opencontainers.image.authors=ops@example.com\n" },
        { "DL4003", Base + "CMD [\"a\"]\nCMD [\"b\"]\n", Base + "ENTRYPOINT [\"a\"]\nCMD [\"b\"]\n" },
        { "DL4004", Base + "ENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", Base + "ENTRYPOINT [\"a\"]\nCMD [\"b\"]\n" },
        { "DL4006", Base + "RUN curl -fsSL https://example.com/a.tgz | tar -xz\n", Base + "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n" },
        { "AMAS-DOCKER-USER", Base + "CMD [\"app\"]\n", Base + "USER app\nCMD [\"app\"]\n" },
        { "AMAS-DOCKER-HEALTHCHECK", Base + "CMD [\"app\"]\n", Base + "HEALTHCHECK CMD [\"app\", \"--ping\"]\nCMD [\"app\"]\n" },
        { "AMAS-DOCKER-SECRET", Base + $"ENV DB_PASSWORD={Secret}\n", Base + "ENV DB_PASSWORD=${DB_PASSWORD}\n" },
        { "AMAS-DOCKER-CURL-PIPE", Base + "RUN curl -fsSL https://example.com/install.sh | sh\n", Base + "RUN curl -fsSL https://example.com/install.sh -o install.sh && sh install.sh\n" },
        { DockerRules.ParseRuleId, Base + "RUNN make\n", Base + "RUN make\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_flags_its_example_and_spares_the_near_miss(string rule, string flagged, string nearMiss)
    {
        Assert.NotEmpty(LinesFlagged(rule, flagged));
        Assert.Empty(LinesFlagged(rule, nearMiss));
    }

    [Fact]
    public void Every_built_in_rule_has_an_example_and_a_near_miss()
    {
        var covered = Cases.Select(row => (string)row[0]).ToHashSet();

        Assert.Subset(covered, DockerRules.Default.Select(r => r.Id).ToHashSet());
        Assert.True(DockerRules.Default.Count >= 24);
        Assert.Equal(DockerRules.Default.Count, DockerRules.Default.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Rules_report_the_line_the_instruction_starts_on()
    {
        var lines = LinesFlagged("DL3015", Base + "\nRUN apt-get update \\\n && apt-get install -y \\\n      curl=7.88.1-10\n");

        Assert.Equal([3], lines);
    }

    [Fact]
    public void Scratch_an_earlier_stage_and_an_unresolved_variable_are_not_untagged_images()
    {
        Assert.Empty(LinesFlagged("DL3006", "FROM scratch\n"));
        Assert.Empty(LinesFlagged("DL3006", "FROM golang:1.22 AS builder\nFROM builder\n"));
        Assert.Empty(LinesFlagged("DL3006", "ARG BASE\nFROM ${BASE}\n"));
        Assert.Empty(LinesFlagged("DL3006", "FROM alpine@sha256:0123abcd\n"));
        Assert.Equal([2], LinesFlagged("DL3006", "ARG BASE=ubuntu\nFROM ${BASE}\n"));
    }

    [Fact]
    public void A_digest_pins_even_a_latest_tag_and_a_latest_default_of_an_ARG_is_caught()
    {
        Assert.Empty(LinesFlagged("DL3007", "FROM ubuntu:latest@sha256:0123abcd\n"));
        Assert.Equal([2], LinesFlagged("DL3007", "ARG TAG=latest\nFROM ubuntu:${TAG}\n"));
    }

    [Fact]
    public void Apt_lists_matter_only_in_the_stages_the_final_image_is_built_from()
    {
        const string builderOnly = "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc=4:12.2.0-3\nFROM scratch\n";
        const string cached = "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n";

        Assert.Empty(LinesFlagged("DL3009", builderOnly));
        Assert.Empty(LinesFlagged("DL3009", cached));
    }

    [Fact]
    public void Package_operands_skip_options_with_values_redirections_and_local_files()
    {
        Assert.Empty(LinesFlagged("DL3008", Base + "RUN apt-get install -y -o Dpkg::Options::=--force-confold ./local.deb vim=2:9.0 > /dev/null\n"));
        Assert.Empty(LinesFlagged("DL3018", "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n"));
        Assert.Empty(LinesFlagged("DL3013", Base + "RUN pip install --no-cache-dir -r requirements.txt . git+https://example.com/x.git\n"));
        Assert.Equal([2], LinesFlagged("DL3013", Base + "RUN python3 -m pip install --no-cache-dir requests\n"));
        Assert.Equal([2], LinesFlagged("DL3008", Base + "RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl\n"));
    }

    [Fact]
    public void Pip_cache_is_not_flagged_when_ENV_or_a_cache_mount_disables_it()
    {
        Assert.Empty(LinesFlagged("DL3042", Base + "ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n"));
        Assert.Empty(LinesFlagged("DL3042", Base + "RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n"));
    }

    [Fact]
    public void Commands_in_a_heredoc_script_are_checked_but_heredoc_data_is_not()
    {
        Assert.Equal([2], LinesFlagged("DL3004", Base + "RUN <<EOF\nset -e\nsudo make install\nEOF\n"));
        Assert.Empty(LinesFlagged("DL3004", Base + "RUN cat <<EOF > /etc/notes\nsudo make install\nEOF\n"));
    }

    [Fact]
    public void Pipes_in_quotes_or_or_lists_and_in_exec_form_need_no_pipefail()
    {
        Assert.Empty(LinesFlagged("DL4006", Base + "RUN echo 'a|b' > /tmp/x || true\n"));
        Assert.Empty(LinesFlagged("DL4006", Base + "RUN set -o pipefail && curl -fsSL https://example.com | tar -xz\n"));
        Assert.Empty(LinesFlagged("DL4006", Base + "SHELL [\"pwsh\", \"-Command\"]\nRUN Get-Item x | Remove-Item\n"));
        Assert.Empty(LinesFlagged("DL4006", "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN a | b\n"));
    }

    [Fact]
    public void Consecutive_RUNs_with_different_mounts_are_not_merge_candidates()
    {
        Assert.Empty(LinesFlagged("DL3059", Base + "RUN --mount=type=secret,id=npm npm ci\nRUN npm run build\n"));
        Assert.Equal([3, 4], LinesFlagged("DL3059", Base + "RUN a\nRUN b\nRUN c\n"));
    }

    [Fact]
    public void ADD_of_a_URL_or_an_archive_is_left_alone()
    {
        Assert.Empty(LinesFlagged("DL3020", Base + "ADD https://example.com/tool /usr/local/bin/tool\n"));
        Assert.Empty(LinesFlagged("DL3020", Base + "ADD [\"rootfs.tar.xz\", \"/\"]\n"));
        Assert.Equal([2], LinesFlagged("DL3020", Base + "ADD [\"app.py\", \"/app/\"]\n"));
    }

    [Fact]
    public void COPY_from_an_image_or_an_earlier_stage_index_is_known()
    {
        Assert.Empty(LinesFlagged("DL3022", Base + "COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"));
        Assert.Empty(LinesFlagged("DL3022", "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /app\n"));
        Assert.Equal([2], LinesFlagged("DL3022", "FROM golang:1.22 AS build\nCOPY --from=build /out /app\n"));
    }

    [Fact]
    public void The_user_of_a_parent_stage_counts_and_only_the_final_stage_matters()
    {
        Assert.Empty(LinesFlagged("AMAS-DOCKER-USER", "FROM debian:12 AS base\nUSER app\nFROM base\n"));
        Assert.Equal([3], LinesFlagged("AMAS-DOCKER-USER", "FROM debian:12 AS build\nUSER app\nFROM debian:12\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-USER", "FROM gcr.io/distroless/static:nonroot\n"));
        Assert.Equal([3], LinesFlagged("DL3002", "FROM debian:12\nUSER app\nUSER 0:0\n"));
    }

    [Fact]
    public void HEALTHCHECK_NONE_is_an_explicit_choice()
    {
        Assert.Empty(LinesFlagged("AMAS-DOCKER-HEALTHCHECK", Base + "HEALTHCHECK NONE\n"));
    }

    [Fact]
    public void Secret_in_Dockerfile_ENV_is_reported_and_redacted()
    {
        var finding = Assert.Single(FindingsOf(Base + $"ENV APP_ENV=prod STRIPE_API_KEY=\"{Secret}\"\n"), f => f.Rule == "AMAS-DOCKER-SECRET");

        Assert.Equal(2, finding.Line);
        Assert.DoesNotContain(Secret, finding.Evidence!, StringComparison.Ordinal);
        Assert.StartsWith("ENV STRIPE_API_KEY=" + Secret[..3] + "*", finding.Evidence, StringComparison.Ordinal);
        var shown = finding.Evidence!["ENV STRIPE_API_KEY=".Length..].TakeWhile(c => c != '*').Count();
        Assert.InRange(shown, 0, 4);
    }

    [Fact]
    public void Secret_ARG_with_a_literal_default_is_reported_but_references_and_pointers_are_not()
    {
        Assert.Equal([2], LinesFlagged("AMAS-DOCKER-SECRET", Base + $"ARG GITHUB_TOKEN={Secret}\n"));
        Assert.Equal([2], LinesFlagged("AMAS-DOCKER-SECRET", Base + $"ENV DB_PASSWORD {Secret}\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-SECRET", Base + "ARG GITHUB_TOKEN\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-SECRET", Base + "ENV DB_PASSWORD_FILE=/run/secrets/db\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-SECRET", Base + "ENV API_KEY=changeme\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-SECRET", Base + "ENV HF_TOKENIZER=bert-base-uncased\n"));
        Assert.Equal([2], LinesFlagged("AMAS-DOCKER-SECRET", Base + $"ENV MYSQL_ROOT_PASSWORD={Secret} SECRET_KEY_BASE={Secret}\n").Distinct());
    }

    [Fact]
    public void Piping_a_download_into_sudo_bash_is_caught_too()
    {
        Assert.Equal([2], LinesFlagged("AMAS-DOCKER-CURL-PIPE", Base + "RUN wget -qO- https://example.com/i.sh | sudo bash -s --\n"));
        Assert.Empty(LinesFlagged("AMAS-DOCKER-CURL-PIPE", Base + "RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /k.gpg\n"));
    }

    [Fact]
    public void The_same_finding_keeps_its_id_when_lines_move_and_identical_lines_get_distinct_ids()
    {
        var before = Assert.Single(FindingsOf("FROM ubuntu:latest\n"), f => f.Rule == "DL3007");
        var after = Assert.Single(FindingsOf("# moved down\n\nFROM ubuntu:latest\n"), f => f.Rule == "DL3007");
        var twice = FindingsOf(Base + "RUN sudo ls\nRUN sudo ls\n").Where(f => f.Rule == "DL3004").ToList();

        Assert.Equal(before.Id, after.Id);
        Assert.Equal(3, after.Line);
        Assert.Equal(2, twice.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Findings_carry_the_agent_category_file_severity_and_a_fix()
    {
        var finding = Assert.Single(FindingsOf("FROM ubuntu:latest\n"), f => f.Rule == "DL3007");

        Assert.Equal(("DockerMonitor", "docker", "Dockerfile"), (finding.Agent, finding.Category, finding.File));
        Assert.Equal(["DockerMonitor"], finding.Sources);
        Assert.Equal(Amas.Orleans.Findings.Severity.Medium, finding.Severity);
        Assert.Equal("FROM ubuntu:latest", finding.Evidence);
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
    }
}
