using Amas.Orleans.Providers.Client;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers)
        => name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 120 ", 120)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1.5)]
    public void Retry_After_in_seconds_is_honoured_exactly(string value, double seconds)
        => Assert.Equal(Now + TimeSpan.FromSeconds(seconds), RetryAfter.ParseRetryAfter(value, Now));

    [Fact]
    public void Retry_After_as_an_http_date_is_that_moment()
        => Assert.Equal(Now + TimeSpan.FromSeconds(90), RetryAfter.ParseRetryAfter("Sun, 01 Mar 2026 12:01:30 GMT", Now));

    [Fact]
    public void Retry_After_in_the_past_means_now()
        => Assert.Equal(Now, RetryAfter.ParseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", Now));

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    [InlineData("")]
    public void Unreadable_Retry_After_is_ignored(string value) => Assert.Null(RetryAfter.ParseRetryAfter(value, Now));

    [Theory]
    [InlineData("6m0s", 360)]
    [InlineData("2.5s", 2.5)]
    [InlineData("120ms", 0.12)]
    [InlineData("1h2m3s", 3723)]
    [InlineData("2m59.56s", 179.56)]
    [InlineData("17", 17)]
    public void Reset_headers_read_go_durations_and_plain_seconds(string value, double seconds)
        => Assert.Equal(Now + TimeSpan.FromSeconds(seconds), RetryAfter.ParseReset(value, Now));

    [Fact]
    public void A_reset_header_that_is_a_unix_time_is_that_moment()
        => Assert.Equal(Now + TimeSpan.FromSeconds(45), RetryAfter.ParseReset((Now.ToUnixTimeSeconds() + 45).ToString(System.Globalization.CultureInfo.InvariantCulture), Now));

    [Fact]
    public void Retry_After_wins_over_reset_headers()
        => Assert.Equal(Now + TimeSpan.FromSeconds(7),
            RetryAfter.From(Headers(("Retry-After", "7"), ("x-ratelimit-reset-requests", "1m")), Now));

    [Fact]
    public void Without_Retry_After_the_latest_reset_header_counts()
        => Assert.Equal(Now + TimeSpan.FromSeconds(42),
            RetryAfter.From(Headers(("x-ratelimit-reset-requests", "2s"), ("x-ratelimit-reset-tokens", "42s")), Now));

    [Fact]
    public void Without_any_header_there_is_no_time()
        => Assert.Null(RetryAfter.From(Headers(), Now));
}
