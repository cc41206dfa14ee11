using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// The OSV API (https://google.github.io/osv.dev/api/): one <c>POST /v1/querybatch</c> per batch of package versions,
/// which answers with advisory ids only, then <c>GET /v1/vulns/{id}</c> for each distinct id to get ranges and
/// severity. Versions are still matched locally, so a server-side mistake cannot add a finding on its own.
/// </summary>
public sealed class OsvApiSource(HttpClient http, Uri baseUrl, OsvApiLimits limits) : IAdvisorySource
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Relative URIs resolve against the last segment of the base; a trailing slash keeps a path prefix
    // ("https://proxy/osv/") in place.
    private readonly Uri _base = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public string Description => $"OSV API {_base}";

    public async Task<AdvisoryIndex> LoadAsync(IReadOnlyCollection<Dependency> dependencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var queries = dependencies
            .Select(d => new Query(new QueryPackage(d.Name, d.Ecosystem.ToOsv()), d.Version, null))
            .Distinct()
            .ToList();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var batch in queries.Chunk(limits.BatchSize))
        {
            await QueryAsync(batch, ids, cancellationToken);
        }

        var advisories = new OsvAdvisory?[ids.Count];
        var unreadable = 0;
        await Parallel.ForEachAsync(
            ids.Select((id, index) => (id, index)),
            new ParallelOptions { MaxDegreeOfParallelism = limits.Concurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                advisories[item.index] = await FetchAsync(item.id, token);
                if (advisories[item.index] is null)
                {
                    Interlocked.Increment(ref unreadable);
                }
            });
        return new AdvisoryIndex(advisories.OfType<OsvAdvisory>(), unreadable);
    }

    private async Task QueryAsync(IReadOnlyList<Query> batch, SortedSet<string> ids, CancellationToken cancellationToken)
    {
        var pending = batch.ToList();
        // A query with more results than one page returns a next_page_token; it is asked again with that token
        // until it runs dry or the page limit says the answer is unreasonably large.
        for (var page = 0; pending.Count > 0 && page < limits.MaxPages; page++)
        {
            using var timeout = Timeout(cancellationToken);
            using var response = await http.PostAsJsonAsync(
                new Uri(_base, "v1/querybatch"), new QueryBatch(pending), Json, timeout.Token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<QueryBatchResponse>(Json, timeout.Token)
                ?? throw new JsonException("The OSV API answered a batch query with null.");
            var results = answer.Results ?? [];
            if (results.Count != pending.Count)
            {
                throw new JsonException($"The OSV API answered {pending.Count} queries with {results.Count} results.");
            }

            var next = new List<Query>();
            for (var i = 0; i < pending.Count; i++)
            {
                foreach (var vuln in results[i].Vulns ?? [])
                {
                    if (!string.IsNullOrEmpty(vuln.Id))
                    {
                        ids.Add(vuln.Id);
                    }
                }

                if (!string.IsNullOrEmpty(results[i].NextPageToken))
                {
                    next.Add(pending[i] with { PageToken = results[i].NextPageToken });
                }
            }

            pending = next;
        }
    }

    private async Task<OsvAdvisory?> FetchAsync(string id, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken);
        using var response = await http.GetAsync(new Uri(_base, "v1/vulns/" + Uri.EscapeDataString(id)), timeout.Token);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Listed by the batch but gone by now (withdrawn or renamed): not a reason to fail the audit.
            return null;
        }

        response.EnsureSuccessStatusCode();
        try
        {
            return OsvParser.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (Exception e) when (e is JsonException or OsvFormatException)
        {
            return null;
        }
    }

    private CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(limits.RequestTimeout);
        return source;
    }

    private sealed record QueryPackage(string Name, string Ecosystem);

    private sealed record Query(QueryPackage Package, string Version, string? PageToken);

    private sealed record QueryBatch(IReadOnlyList<Query> Queries);

    private sealed record QueryBatchResponse(IReadOnlyList<QueryResult>? Results);

    private sealed record QueryResult(IReadOnlyList<VulnReference>? Vulns, string? NextPageToken);

    private sealed record VulnReference(string? Id);
}
