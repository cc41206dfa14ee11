using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Silo.Hosting;

/// <summary>Where the external services are; required only by the modes that use them.</summary>
public static class ConnectionStrings
{
    public const string RedisKey = "Amas:Redis:ConnectionString";
    public const string PostgresKey = "Amas:Postgres:ConnectionString";

    public static string Require(IConfiguration configuration, string key, string because)
        => configuration[key] is { Length: > 0 } value
            ? value
            : throw new Microsoft.Extensions.Options.OptionsValidationException(key, typeof(SiloHostOptions), [$"{key} is required {because}."]);
}
