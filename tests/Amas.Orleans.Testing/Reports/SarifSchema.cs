using NJsonSchema;

namespace Amas.Orleans.Testing.Reports;

/// <summary>
/// The official OASIS SARIF 2.1.0 schema (a copy of <c>/work/shared/schemas/sarif-schema-2.1.0.json</c> under
/// Reports/Schemas), loaded once for every test that validates what we emit.
/// </summary>
public static class SarifSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")));

    public static async Task<IReadOnlyList<string>> ErrorsIn(string sarif)
    {
        var schema = await Schema.Value;
        return schema.Validate(sarif).Select(e => e.ToString()).ToList();
    }

    /// <summary>Throws, listing every violation, when the log does not validate.</summary>
    public static async Task AssertValid(string sarif)
    {
        var errors = await ErrorsIn(sarif);
        if (errors.Count > 0)
        {
            throw new InvalidDataException("The SARIF log does not validate against the 2.1.0 schema:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}
