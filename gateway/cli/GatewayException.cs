using System.Net;

namespace Amas.Orleans.Cli;

/// <summary>The gateway was unreachable or answered with an error; the message is what a user should read.</summary>
public sealed class GatewayException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Null when no answer came back at all.</summary>
    public HttpStatusCode? Status { get; } = status;
}
