using System.Text.Json;

namespace Amas.Orleans.Reports;

/// <summary>Enum values as the API shows them (snake_case, design §5), so every format names things the same way.</summary>
internal static class ReportNames
{
    public static string Of<T>(T value) where T : struct, Enum
        => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
