using NJsonSchema;

namespace Amas.Orleans.Analysis.Tests.Reports;

/// <summary>The official OASIS SARIF 2.1.0 schema, vendored under Reports/Schemas, loaded once for every test.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")));

    public static async Task<IReadOnlyList<string>> ErrorsIn(string sarif)
    {
        var schema = await Schema.Value;
        return schema.Validate(sarif).Select(e => e.ToString()).ToList();
    }

    public static async Task AssertValid(string sarif)
    {
        var errors = await ErrorsIn(sarif);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
