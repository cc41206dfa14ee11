using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Silo.Migrations;

/// <summary>The schema scripts embedded in this assembly (<c>Migrations/NNNN_name.sql</c>), in version order.</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "Amas.Orleans.Silo.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> EmbeddedMigrations = new(() => Load(typeof(MigrationCatalog).Assembly));

    public static IReadOnlyList<Migration> Embedded => EmbeddedMigrations.Value;

    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded migration '{fileName}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{fileName}' cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            migrations.Add(Create(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two embedded migrations share version {migrations[i].Version:D4}.");
            }
        }

        return migrations;
    }

    public static Migration Create(int version, string name, string sql) => new(version, name, sql, Checksum(sql));

    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout that turns LF into CRLF does not look
    /// like an edited migration.
    /// </summary>
    public static string Checksum(string sql)
    {
        var normalised = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
