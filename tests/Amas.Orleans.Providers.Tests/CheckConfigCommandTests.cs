using Amas.Orleans.Silo.Commands;
using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Providers.Tests;

public sealed class CheckConfigCommandTests
{
    private static (int Exit, string Output) Run(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        var exit = CheckConfigCommand.Run(configuration, output);
        return (exit, output.ToString());
    }

    [Fact]
    public void A_mode_without_enough_keys_fails_and_names_the_variables_to_set()
    {
        var (exit, output) = Run(new() { ["Amas:Providers:Mode"] = "basic" });

        Assert.Equal(1, exit);
        Assert.Contains("Mode basic (configured mode): needs 1; not satisfied", output);
        Assert.Contains("GROQ_API_KEY", output);
        Assert.Contains("would refuse to start", output);
    }

    [Fact]
    public void A_configured_provider_is_listed_as_such_and_its_key_is_never_printed()
    {
        const string key = "test-key-value-that-must-not-appear";

        var (exit, output) = Run(new() { ["Amas:Providers:Mode"] = "basic", ["GROQ_API_KEY"] = key });

        Assert.Equal(0, exit);
        Assert.Matches(@"groq\s+configured", output);
        Assert.Contains("(1 of 15 configured)", output);
        Assert.DoesNotContain(key, output);
    }

    [Fact]
    public void Invalid_silo_settings_and_an_unknown_mode_are_reported()
    {
        var (exit, output) = Run(new() { ["Amas:Silo:Clustering"] = "zookeeper", ["Amas:Providers:Mode"] = "max" });

        Assert.Equal(1, exit);
        Assert.Contains("Amas:Silo:Clustering is 'zookeeper'", output);
        Assert.Contains("'max' is not a mode", output);
    }
}
