using Amas.Orleans.Analysis.Docker;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class ShellScriptTests
{
    [Fact]
    public void Commands_are_split_at_operators_and_words_unquoted()
    {
        var script = ShellScript.Parse("apt-get update && apt-get install -y \"curl\" 'jq' ; echo done || true");

        Assert.Equal(
            ["apt-get update", "apt-get install -y curl jq", "echo done", "true"],
            script.Commands.Select(c => c.ToString()));
        Assert.False(script.HasPipe);
    }

    [Fact]
    public void A_pipe_outside_quotes_is_a_pipe_and_a_redirection_is_not_a_separator()
    {
        var piped = ShellScript.Parse("curl -fsSL https://example.com 2>&1 | sh");
        var quoted = ShellScript.Parse("echo 'a | b' \"c|d\"");

        Assert.Equal(["curl -fsSL https://example.com 2>&1", "sh"], piped.Commands.Select(c => c.ToString()));
        Assert.True(piped.Commands[0].PipesInto);
        Assert.False(quoted.HasPipe);
    }

    [Fact]
    public void The_program_skips_leading_assignments_and_directories()
    {
        var command = Assert.Single(ShellScript.Parse("DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -q install vim").Commands);

        Assert.Equal(("apt-get", "install"), (command.Program, command.Subcommand));
        Assert.Equal(["-q", "install", "vim"], command.Arguments);
    }

    [Fact]
    public void Comments_are_ignored_but_a_hash_inside_a_word_is_kept()
    {
        var script = ShellScript.Parse("echo a#b # trailing comment\nls");

        Assert.Equal(["echo a#b", "ls"], script.Commands.Select(c => c.ToString()));
    }
}
