namespace Amas.Orleans.Analysis.Osint;

/// <summary>Why a URL produced no page.</summary>
public enum FetchOutcome
{
    Fetched,
    /// <summary>The scheme is not http or https.</summary>
    SchemeRefused,
    /// <summary>robots.txt disallows it for our user agent.</summary>
    RobotsDisallowed,
    /// <summary>The address connected to (or about to be) is private, loopback, link-local, … .</summary>
    AddressRefused,
    TooManyRedirects,
    TooLarge,
    Timeout,
    HttpError,
    NetworkError,
}

/// <summary>One fetched URL: where the redirects led, the status, and the body when it was read in full.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }

    public required Uri FinalUrl { get; init; }

    public required FetchOutcome Outcome { get; init; }

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public long BytesRead { get; init; }

    public IReadOnlyList<Uri> Redirects { get; init; } = [];

    public string? Error { get; init; }

    public bool Succeeded => Outcome == FetchOutcome.Fetched && StatusCode is >= 200 and < 300;
}
