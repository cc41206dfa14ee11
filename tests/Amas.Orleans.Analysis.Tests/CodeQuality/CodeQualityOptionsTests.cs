using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

public sealed class CodeQualityOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_are_the_documented_ones()
    {
        var options = new CodeQualityOptions();

        Assert.Empty(Validate(options));
        Assert.Equal((10, 60, 4, 20, 70, 6, true, true),
            (options.MaxCyclomaticComplexity, options.MaxFunctionLines, options.MaxNestingDepth, options.MinMaintainabilityIndex,
                options.DuplicateMinTokens, options.DuplicateMinLines, options.ReportDuplicates, options.ReportTodos));
    }

    [Fact]
    public void Every_threshold_out_of_its_range_is_rejected_with_its_name()
    {
        var errors = Validate(new CodeQualityOptions
        {
            MaxCyclomaticComplexity = 0,
            MaxFunctionLines = 0,
            MaxNestingDepth = 101,
            MinMaintainabilityIndex = 101,
            DuplicateMinTokens = 9,
            DuplicateMinLines = 0,
        });

        Assert.Equal(
            ["DuplicateMinLines", "DuplicateMinTokens", "MaxCyclomaticComplexity", "MaxFunctionLines", "MaxNestingDepth", "MinMaintainabilityIndex"],
            errors.SelectMany(e => e.MemberNames).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_new_thresholds_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:CodeQuality:MinMaintainabilityIndex"] = "10",
                ["Amas:CodeQuality:ReportDuplicates"] = "false",
                ["Amas:CodeQuality:DuplicateMinTokens"] = "100",
                ["Amas:CodeQuality:DuplicateMinLines"] = "8",
            })
            .Build();

        var options = configuration.GetSection(CodeQualityOptions.SectionName).Get<CodeQualityOptions>()!;

        Assert.Equal((10, false, 100, 8),
            (options.MinMaintainabilityIndex, options.ReportDuplicates, options.DuplicateMinTokens, options.DuplicateMinLines));
    }

    [Fact]
    public async Task A_silo_given_a_bad_threshold_stops_at_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amas:CodeQuality:DuplicateMinTokens"] = "5",
        });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddAmasGrains(builder.Configuration));
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("DuplicateMinTokens", error.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static List<ValidationResult> Validate(CodeQualityOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
