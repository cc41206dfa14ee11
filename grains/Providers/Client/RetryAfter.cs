using System.Globalization;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Providers.Client;

/// <summary>
/// When a rate-limited provider may be called again, read from its answer's headers. <c>Retry-After</c> is honoured
/// exactly (seconds or an HTTP date); without it, the latest of the <c>x-ratelimit-reset-*</c> headers, which
/// OpenAI-style providers send as durations (<c>6m0s</c>, <c>2.5s</c>, <c>120ms</c>) and some as plain seconds.
/// </summary>
public static partial class RetryAfter
{
    private static readonly string[] ResetHeaders = ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-ratelimit-reset"];

    /// <param name="header">Looks a header up by name (case-insensitive), null when absent.</param>
    public static DateTimeOffset? From(Func<string, string?> header, DateTimeOffset now)
    {
        if (ParseRetryAfter(header("Retry-After"), now) is { } at)
        {
            return at;
        }

        if (double.TryParse(header("retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return now + TimeSpan.FromMilliseconds(ms);
        }

        DateTimeOffset? latest = null;
        foreach (var name in ResetHeaders)
        {
            if (ParseReset(header(name), now) is { } reset && (latest is null || reset > latest))
            {
                latest = reset;
            }
        }

        return latest;
    }

    /// <summary>RFC 9110 §10.2.3: a non-negative number of seconds, or an HTTP date. A date in the past means "now".</summary>
    public static DateTimeOffset? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds ? now + TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return date > now ? date : now;
        }

        return null;
    }

    /// <summary>A reset header: a Go-style duration, plain seconds, or a Unix time in seconds.</summary>
    public static DateTimeOffset? ParseReset(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // Nobody waits 30 years: a number that large is a Unix timestamp.
            return number switch
            {
                < 0 => null,
                > 1_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) is var at && at > now ? at : now,
                _ => now + TimeSpan.FromSeconds(number),
            };
        }

        return ParseDuration(value) is { } duration ? now + duration : null;
    }

    /// <summary><c>1h2m3.5s</c>, <c>6m0s</c>, <c>120ms</c>: Go's <c>time.Duration</c> text, as OpenAI and Groq send it.</summary>
    public static TimeSpan? ParseDuration(string value)
    {
        var parts = DurationPart().Matches(value);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != value.Length)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["u"].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>ms|us|µs|ns|h|m|s)")]
    private static partial Regex DurationPart();
}
