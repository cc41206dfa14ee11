using Amas.Orleans.Analysis.Docker;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Instructions_are_read_with_their_lines_and_comments_and_blank_lines_are_skipped()
    {
        var file = DockerfileParser.Parse("""
            # a comment
            FROM alpine:3.20

            # another one
            run echo hi
            CMD ["sh"]
            """);

        Assert.Equal(
            [("FROM", 2, 2), ("RUN", 5, 5), ("CMD", 6, 6)],
            file.Instructions.Select(i => (i.Keyword, i.StartLine, i.EndLine)));
        Assert.Empty(file.Diagnostics);
    }

    [Fact]
    public void Parser_directives_at_the_top_are_read_and_set_the_escape_character()
    {
        var file = DockerfileParser.Parse("# syntax=docker/dockerfile:1.7\n# escape=\\\nFROM alpine:3.20\n");

        Assert.Equal("docker/dockerfile:1.7", file.Directives["syntax"]);
        Assert.Equal('\\', file.Escape);
        Assert.Equal(["FROM"], file.Instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void A_directive_after_a_comment_is_only_a_comment()
    {
        var file = DockerfileParser.Parse("# hello\n# escape=`\nFROM alpine:3.20\nRUN echo a \\\n  b\n");

        Assert.Empty(file.Directives);
        Assert.Equal('\\', file.Escape);
        Assert.Equal(("RUN", 4, 5), (file.Instructions[1].Keyword, file.Instructions[1].StartLine, file.Instructions[1].EndLine));
    }

    [Fact]
    public void The_backtick_escape_continues_lines_and_leaves_backslashes_in_windows_paths_alone()
    {
        var file = DockerfileParser.Parse("""
            # escape=`
            FROM mcr.microsoft.com/windows/servercore:ltsc2022
            RUN dir C:\ `
                && echo done
            WORKDIR C:\app\
            COPY app.exe C:\app\
            """);

        Assert.Equal('`', file.Escape);
        Assert.Equal(
            [("FROM", 2, 2), ("RUN", 3, 4), ("WORKDIR", 5, 5), ("COPY", 6, 6)],
            file.Instructions.Select(i => (i.Keyword, i.StartLine, i.EndLine)));
        Assert.Equal("RUN dir C:\\ && echo done", file.Instructions[1].Text);
        Assert.Equal("C:\\app\\", file.Instructions[2].Arguments);
    }

    [Fact]
    public void An_invalid_escape_directive_is_diagnosed_and_the_backslash_stays()
    {
        var file = DockerfileParser.Parse("# escape=!\nFROM alpine:3.20\n");

        Assert.Equal('\\', file.Escape);
        Assert.Equal([1], file.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Continuation_lines_are_joined_and_comments_and_blank_lines_inside_them_dropped()
    {
        var file = DockerfileParser.Parse("""
            FROM debian:12
            RUN apt-get install -y \
                # the editor
                vim \

                curl
            USER app
            """);

        var run = file.Instructions[1];
        Assert.Equal(("RUN", 2, 6), (run.Keyword, run.StartLine, run.EndLine));
        Assert.Equal("RUN apt-get install -y vim curl", run.Text);
        Assert.Equal(("USER", 7), (file.Instructions[2].Keyword, file.Instructions[2].StartLine));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var file = DockerfileParser.Parse("\uFEFFFROM alpine:3.20\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n");

        Assert.Equal([("FROM", 1), ("RUN", 2), ("USER", 4)], file.Instructions.Select(i => (i.Keyword, i.StartLine)));
        Assert.Equal("RUN echo a b", file.Instructions[1].Text);
        Assert.Equal("app", file.Instructions[2].Arguments);
    }

    [Fact]
    public void A_heredoc_body_belongs_to_its_instruction_and_parsing_resumes_after_the_terminator()
    {
        var file = DockerfileParser.Parse("""
            FROM debian:12
            RUN <<EOF
            apt-get update
            apt-get install -y curl
            EOF
            CMD ["curl"]
            """);

        var run = file.Instructions[1];
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal(("RUN", 2, 5), (run.Keyword, run.StartLine, run.EndLine));
        Assert.Equal(new DockerHeredoc("EOF", "apt-get update\napt-get install -y curl\n", false, false, 3, 5), heredoc);
        Assert.Equal(("CMD", 6), (file.Instructions[2].Keyword, file.Instructions[2].StartLine));
    }

    [Fact]
    public void A_dash_heredoc_strips_leading_tabs_from_body_and_terminator()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nRUN <<-EOT\n\techo hi\n\t\techo there\n\tEOT\nUSER app\n");

        var heredoc = Assert.Single(file.Instructions[1].Heredocs);
        Assert.True(heredoc.StripsTabs);
        Assert.Equal("echo hi\necho there\n", heredoc.Body);
        Assert.Equal(5, heredoc.EndLine);
        Assert.Equal(6, file.Instructions[2].StartLine);
    }

    [Fact]
    public void A_quoted_heredoc_delimiter_is_unquoted_and_marked()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nRUN cat <<\"EOT\" > /etc/motd\nhello $USER\nEOT\n");

        var heredoc = Assert.Single(file.Instructions[1].Heredocs);
        Assert.Equal(("EOT", true, "hello $USER\n"), (heredoc.Delimiter, heredoc.Quoted, heredoc.Body));
    }

    [Fact]
    public void Several_heredocs_on_one_line_are_read_in_order()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nRUN cat <<A <<'B'\none\nA\ntwo\nB\nUSER app\n");

        var run = file.Instructions[1];
        Assert.Equal([("A", "one\n", 3, 4), ("B", "two\n", 5, 6)], run.Heredocs.Select(h => (h.Delimiter, h.Body, h.StartLine, h.EndLine)));
        Assert.Equal(6, run.EndLine);
        Assert.Equal(("USER", 7), (file.Instructions[2].Keyword, file.Instructions[2].StartLine));
    }

    [Fact]
    public void COPY_takes_a_heredoc_but_a_shift_inside_arithmetic_is_no_heredoc()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nCOPY <<EOF /app/config.ini\n[a]\nEOF\nRUN echo $((1<<2))\n");

        Assert.Equal("[a]\n", Assert.Single(file.Instructions[1].Heredocs).Body);
        Assert.Empty(file.Instructions[2].Heredocs);
        Assert.Equal(5, file.Instructions[2].StartLine);
    }

    [Fact]
    public void JSON_arrays_are_exec_form_and_everything_else_is_shell_form()
    {
        var file = DockerfileParser.Parse("""
            FROM debian:12
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN ["apt-get", "update"]
            RUN apt-get update
            ENTRYPOINT ["/docker-entrypoint.sh"]
            CMD nginx -g 'daemon off;'
            CMD [not json
            """);

        Assert.Equal(
            [
                ("SHELL", (string[]?)["/bin/bash", "-o", "pipefail", "-c"]),
                ("RUN", ["apt-get", "update"]),
                ("RUN", null),
                ("ENTRYPOINT", ["/docker-entrypoint.sh"]),
                ("CMD", null),
                ("CMD", null),
            ],
            file.Instructions.Skip(1).Select(i => (i.Keyword, i.ExecForm?.ToArray())));
    }

    [Fact]
    public void Exec_form_may_span_continuation_lines()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nCMD [\"nginx\", \\\n     \"-g\", \"daemon off;\"]\n");

        Assert.Equal(["nginx", "-g", "daemon off;"], file.Instructions[1].ExecForm!);
    }

    [Fact]
    public void Stages_carry_their_image_tag_digest_alias_and_platform()
    {
        var file = DockerfileParser.Parse("""
            FROM --platform=$BUILDPLATFORM golang:1.22@sha256:0123abcd AS Build
            RUN go build
            FROM registry.local:5000/team/runtime
            COPY --from=build /out /app
            """);

        var build = file.Stages[0];
        Assert.Equal(("golang", "1.22", "sha256:0123abcd"), (build.Image.Repository, build.Image.Tag, build.Image.Digest));
        Assert.Equal(("build", "$BUILDPLATFORM"), (build.Name, build.Platform));
        Assert.Equal(["RUN"], build.Instructions.Select(i => i.Keyword));
        var runtime = file.Stages[1];
        Assert.Equal(("registry.local:5000/team/runtime", (string?)null), (runtime.Image.Repository, runtime.Image.Tag));
        Assert.Null(runtime.Name);
        Assert.Same(runtime, file.FinalStage);
    }

    [Fact]
    public void ARG_before_FROM_is_global_and_substituted_into_FROM()
    {
        var file = DockerfileParser.Parse("""
            ARG BASE=python
            ARG VERSION=3.12-slim
            ARG UNSET
            FROM ${BASE}:${VERSION}
            FROM $UNSET
            FROM ${UNSET:-alpine}:3.20
            """);

        Assert.Equal(3, file.GlobalArgs.Count);
        Assert.Equal(
            [("${BASE}:${VERSION}", "python:3.12-slim", "python", "3.12-slim", false),
             ("$UNSET", "$UNSET", "$UNSET", null, true),
             ("${UNSET:-alpine}:3.20", "alpine:3.20", "alpine", "3.20", false)],
            file.Stages.Select(s => (s.Image.Text, s.Image.Resolved, s.Image.Repository, s.Image.Tag, s.Image.HasUnresolvedVariables)));
    }

    [Fact]
    public void A_FROM_naming_an_earlier_stage_builds_on_that_stage()
    {
        var file = DockerfileParser.Parse("FROM node:20 AS deps\nFROM deps AS build\nFROM scratch\n");

        Assert.Equal([null, 0, null], file.Stages.Select(s => s.BaseStage));
        Assert.True(file.Stages[2].Image.IsScratch);
    }

    [Fact]
    public void Leading_flags_are_split_from_the_arguments()
    {
        var file = DockerfileParser.Parse("""
            FROM golang:1.22 AS build
            COPY --from=build --chown=app:app --link /out /app
            RUN --mount=type=cache,target=/root/.cache/go-build --network=none go build ./...
            ENV FLAG=--not-a-flag
            """);

        var copy = file.Instructions[1];
        Assert.Equal([new DockerFlag("from", "build"), new DockerFlag("chown", "app:app"), new DockerFlag("link", null)], copy.Flags);
        Assert.Equal("/out /app", copy.Arguments);
        Assert.Equal("build", copy.Flag("from"));
        var run = file.Instructions[2];
        Assert.Equal("type=cache,target=/root/.cache/go-build", run.Flag("mount"));
        Assert.Equal("go build ./...", run.Arguments);
        Assert.Empty(file.Instructions[3].Flags);
    }

    [Fact]
    public void Unknown_instructions_become_diagnostics_and_parsing_carries_on()
    {
        var file = DockerfileParser.Parse("FROM alpine:3.20\nRUNN echo hi\napt-get install curl\nUSER app\n");

        Assert.Equal(["FROM", "USER"], file.Instructions.Select(i => i.Keyword));
        Assert.Equal([(2, "RUNN echo hi"), (3, "apt-get install curl")], file.Diagnostics.Select(d => (d.Line, d.Text)));
    }

    [Fact]
    public void Broken_files_are_diagnosed_not_thrown()
    {
        var dangling = DockerfileParser.Parse("FROM alpine:3.20\nRUN echo \\\n");
        var unterminated = DockerfileParser.Parse("FROM alpine:3.20\nRUN <<EOF\necho hi\n");
        var beforeFrom = DockerfileParser.Parse("RUN echo hi\nFROM alpine:3.20\n");
        var badFrom = DockerfileParser.Parse("FROM alpine:3.20 AS\nFROM\n");

        Assert.Contains("line continuation", Assert.Single(dangling.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal(2, dangling.Instructions.Count);
        Assert.Contains("never terminated", Assert.Single(unterminated.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal([1], beforeFrom.Diagnostics.Select(d => d.Line));
        Assert.Equal([1, 2, 2], badFrom.Diagnostics.Select(d => d.Line).Order());
    }

    [Fact]
    public void Arbitrary_text_never_makes_the_parser_throw()
    {
        var random = new Random(4711);
        const string alphabet = "FROMRUN <>-\\`\"'[]{}$:@=#\n\t abcEOF";
        for (var round = 0; round < 500; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var file = DockerfileParser.Parse(text);

            Assert.NotNull(file);
            Assert.NotNull(new DockerfileAnalyzer().Analyze(new SourceFile("Dockerfile", text)));
        }
    }
}
