using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// Fetches one URL politely and safely: http(s) only, robots.txt first (cached per host for a day), one request per
/// interval per host, redirects followed by hand so every hop is checked again, a timeout over headers and body, and
/// a body cap enforced while streaming. The address check itself sits in the HttpClient's connect callback
/// (<see cref="GuardedConnection"/>).
/// </summary>
public sealed class PageFetcher : IAsyncDisposable
{
    private static readonly TimeSpan RobotsLifetime = TimeSpan.FromHours(24);
    private const int RobotsRedirects = 5;

    private readonly HttpClient _http;
    private readonly OsintOptions _options;
    private readonly TimeProvider _time;
    private readonly HostRateLimiter _limiter;
    private readonly ConcurrentDictionary<string, (Task<RobotsTxt> Rules, DateTimeOffset FetchedAt)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _productToken;

    public PageFetcher(HttpClient http, OsintOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _limiter = new HostRateLimiter(TimeSpan.FromMilliseconds(options.PerHostIntervalMilliseconds));
        _productToken = RobotsTxt.ProductToken(options.UserAgent);
    }

    /// <summary>Raised just before each request leaves (after robots and the rate limit): URL and time. For tracing and tests.</summary>
    public event Action<Uri, DateTimeOffset>? RequestSending;

    public static bool IsFetchableScheme(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        FetchCoreAsync(url, checkRobots: true, _options.MaxRedirects, cancellationToken);

    public async Task<RobotsTxt> GetRobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = $"{url.Scheme}://{url.Authority}";
        var now = _time.GetUtcNow();
        while (true)
        {
            if (_robots.TryGetValue(key, out var cached) && now - cached.FetchedAt < RobotsLifetime)
            {
                try
                {
                    return await cached.Rules.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The run that started the fetch was cancelled; fetch again for this one.
                    _robots.TryRemove(new KeyValuePair<string, (Task<RobotsTxt>, DateTimeOffset)>(key, cached));
                    continue;
                }
            }

            var entry = (LoadRobotsAsync(new Uri($"{key}/robots.txt"), cancellationToken), now);
            if (cached.Rules is null ? _robots.TryAdd(key, entry) : _robots.TryUpdate(key, entry, cached))
            {
                return await entry.Item1;
            }
        }
    }

    private async Task<RobotsTxt> LoadRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var result = await FetchCoreAsync(robotsUrl, checkRobots: false, RobotsRedirects, cancellationToken);
        return result switch
        {
            { Outcome: FetchOutcome.Fetched, StatusCode: >= 200 and < 300 } => RobotsTxt.Parse(result.Body ?? ""),
            // 4xx: "unavailable", crawl freely (RFC 9309 §2.3.1.3); that includes 401 and 403.
            { Outcome: FetchOutcome.Fetched, StatusCode: >= 400 and < 500 } => RobotsTxt.AllowAll,
            { Outcome: FetchOutcome.AddressRefused } => RobotsTxt.RefusedAddress(result.Error ?? "address refused"),
            // 5xx, network errors, refused addresses: "unreachable", assume complete disallow.
            _ => RobotsTxt.DisallowAll,
        };
    }

    private async Task<FetchResult> FetchCoreAsync(Uri url, bool checkRobots, int maxRedirects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        var redirects = new List<Uri>();
        while (true)
        {
            FetchResult Result(FetchOutcome outcome, string? error = null, int? status = null) => new()
            {
                RequestedUrl = url,
                FinalUrl = current,
                Outcome = outcome,
                Error = error,
                StatusCode = status,
                Redirects = redirects,
            };

            if (!IsFetchableScheme(current))
            {
                return Result(FetchOutcome.SchemeRefused, $"scheme '{current.Scheme}' is not http or https");
            }

            if (checkRobots)
            {
                var robots = await GetRobotsAsync(current, cancellationToken);
                if (robots.AddressRefusal is { } refusal)
                {
                    return Result(FetchOutcome.AddressRefused, refusal);
                }

                if (!robots.IsAllowed(_productToken, current))
                {
                    return Result(FetchOutcome.RobotsDisallowed, "disallowed by robots.txt");
                }
            }

            await _limiter.WaitAsync(current.Host, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1");
            RequestSending?.Invoke(current, _time.GetUtcNow());
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (redirects.Count >= maxRedirects)
                    {
                        return Result(FetchOutcome.TooManyRedirects, $"more than {maxRedirects} redirects", status);
                    }

                    var next = new Uri(current, location);
                    current = new UriBuilder(next) { Fragment = "" }.Uri;
                    redirects.Add(current);
                    continue;
                }

                if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
                {
                    return Result(FetchOutcome.TooLarge, $"Content-Length {response.Content.Headers.ContentLength} exceeds {_options.MaxResponseBytes} bytes", status);
                }

                var (bytes, complete) = await ReadCappedAsync(response.Content, _options.MaxResponseBytes, timeout.Token);
                if (!complete)
                {
                    return Result(FetchOutcome.TooLarge, $"body exceeds {_options.MaxResponseBytes} bytes", status) with { BytesRead = bytes.Length };
                }

                return Result(FetchOutcome.Fetched, status: status) with
                {
                    ContentType = response.Content.Headers.ContentType?.MediaType,
                    Body = Decode(bytes, response.Content.Headers.ContentType),
                    BytesRead = bytes.Length,
                };
            }
            catch (HttpRequestException e) when (FindRefusal(e) is { } refusal)
            {
                return Result(FetchOutcome.AddressRefused, refusal.Message);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Result(FetchOutcome.Timeout, $"no complete answer within {_options.RequestTimeoutSeconds} s");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return Result(FetchOutcome.NetworkError, e.Message);
            }
        }
    }

    internal static AddressRefusedException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static async Task<(byte[] Bytes, bool Complete)> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                // Stop reading: disposing the response aborts the connection instead of draining the rest.
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), true);
    }

    private static string Decode(byte[] bytes, MediaTypeHeaderValue? contentType)
    {
        var encoding = Encoding.UTF8;
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // Unknown charset label: UTF-8 is the web's default and the safest guess.
            }
        }

        return encoding.GetString(bytes);
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
