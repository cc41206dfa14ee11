using System.Globalization;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>Times and durations for people: UTC to the second, durations in the largest sensible unit.</summary>
internal static class ReportTimes
{
    public static string Timestamp(DateTimeOffset? time)
        => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "–";

    public static string Duration(long? milliseconds)
        => milliseconds is { } ms ? Duration(TimeSpan.FromMilliseconds(ms)) : "";

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{Math.Max(0, (long)span.TotalMilliseconds)} ms",
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s"),
        { TotalHours: < 1 } => $"{span.Minutes} min {span.Seconds} s",
        _ => $"{(long)span.TotalHours} h {span.Minutes} min",
    };
}
