using System.Text.Json.Nodes;

namespace Amas.Orleans.Testing.Providers;

/// <summary>What the fake provider received: the body as JSON and the bearer token it was sent with.</summary>
public sealed record ReceivedRequest(string Path, JsonObject Body, string? BearerToken);
