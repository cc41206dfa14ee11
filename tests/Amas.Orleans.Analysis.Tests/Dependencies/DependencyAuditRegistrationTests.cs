using System.ComponentModel.DataAnnotations;
using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Analysis.Dependencies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class DependencyAuditRegistrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_agent_resolves_from_DI_with_or_without_an_HttpClient_factory(bool withFactory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:Dependencies:AdvisoryDirectory"] = DependencyFixtures.Advisories,
                ["Amas:Dependencies:OsvApiBaseUrl"] = "http://127.0.0.1:9/",
                ["Amas:Dependencies:ApiTimeoutSeconds"] = "5",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<DependencyAuditOptions>()
            .Bind(configuration.GetSection(DependencyAuditOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (withFactory)
        {
            services.AddHttpClient(DependencyAuditOptions.HttpClientName);
        }

        services.AddAgent<DependencyAuditorAgent>();
        using var provider = services.BuildServiceProvider();

        var agent = Assert.Single(provider.GetServices<IAgent>());
        Assert.Equal("DependencyAuditor", agent.Descriptor.Name);
        var options = provider.GetRequiredService<IOptions<DependencyAuditOptions>>().Value;
        Assert.Equal((DependencyFixtures.Advisories, "http://127.0.0.1:9/", 5), (options.AdvisoryDirectory, options.OsvApiBaseUrl, options.ApiTimeoutSeconds));
    }

    [Fact]
    public void Defaults_are_valid_and_leave_every_advisory_source_off()
    {
        var options = new DependencyAuditOptions();

        Assert.Empty(Validate(options));
        Assert.Null(options.AdvisoryDirectory);
        Assert.Null(options.OsvApiBaseUrl);
    }

    [Fact]
    public void A_bad_setting_is_rejected_with_its_name()
    {
        var errors = Validate(new DependencyAuditOptions { OsvApiBaseUrl = "not a url", ApiTimeoutSeconds = 0, ApiBatchSize = 5000 });

        Assert.Equal(
            ["ApiBatchSize", "ApiTimeoutSeconds", "OsvApiBaseUrl"],
            errors.SelectMany(e => e.MemberNames).Order(StringComparer.Ordinal));
    }

    private static List<ValidationResult> Validate(DependencyAuditOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
