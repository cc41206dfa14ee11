using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// The N+1 pattern: a database or network call made once per iteration of a loop, paying a round trip each time
/// where one batched call would do. A call counts as I/O when it is
/// <list type="bullet">
/// <item>an awaited <c>…Async</c> call on a receiver whose names read like a data or network handle (db, context,
/// http, client, connection, conn, command, cmd, session, sql, redis, database, repository), or an awaited call of a
/// well-known I/O method (<c>SaveChangesAsync</c>, <c>ExecuteReaderAsync</c>, <c>QueryAsync</c>, <c>GetStringAsync</c>…);</item>
/// <item>a synchronous ADO.NET or Dapper call (<c>ExecuteReader</c>, <c>ExecuteNonQuery</c>, <c>ExecuteScalar</c>,
/// <c>Query</c>, <c>QueryFirst</c>…) on a receiver.</item>
/// </list>
/// Calls inside a lambda in the loop (tasks started for <c>Task.WhenAll</c>) are not sequential, so they are left out.
/// </summary>
internal static class IoInLoopCheck
{
    private static readonly HashSet<string> IoWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "db", "dbcontext", "context", "http", "httpclient", "client", "connection", "conn", "command", "cmd", "session",
        "sql", "redis", "database", "repository", "repo",
    };

    private static readonly HashSet<string> IoAsyncMethods = new(StringComparer.Ordinal)
    {
        "SaveChangesAsync", "ExecuteReaderAsync", "ExecuteNonQueryAsync", "ExecuteScalarAsync", "QueryAsync",
        "QueryFirstAsync", "QueryFirstOrDefaultAsync", "QuerySingleAsync", "QuerySingleOrDefaultAsync",
        "QueryMultipleAsync", "ExecuteAsync", "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync",
        "GetFromJsonAsync", "PostAsJsonAsync", "PutAsJsonAsync", "SendAsync", "FindAsync",
    };

    private static readonly HashSet<string> IoSyncMethods = new(StringComparer.Ordinal)
    {
        "ExecuteReader", "ExecuteNonQuery", "ExecuteScalar", "Query", "QueryFirst", "QueryFirstOrDefault",
        "QuerySingle", "QuerySingleOrDefault", "QueryMultiple",
    };

    public static IEnumerable<PerformanceHit> Find(CSharpSource source)
    {
        foreach (var invocation in source.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access || !IsIo(invocation, access)
                || CSharpLoops.Enclosing(invocation) is null)
            {
                continue;
            }

            yield return CSharpSource.Hit(
                invocation,
                $"'{CSharpSource.Quote(invocation)}' makes a round trip on every iteration of the loop.");
        }
    }

    private static bool IsIo(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
        var method = access.Name.Identifier.ValueText;
        if (IoSyncMethods.Contains(method))
        {
            return true;
        }

        return method.EndsWith("Async", StringComparison.Ordinal) && IsAwaited(invocation)
            && (IoAsyncMethods.Contains(method) || ReadsLikeIoHandle(access.Expression));
    }

    /// <summary>Awaited directly or through <c>.ConfigureAwait(false)</c>.</summary>
    private static bool IsAwaited(InvocationExpressionSyntax invocation) =>
        invocation.Parent switch
        {
            AwaitExpressionSyntax => true,
            ParenthesizedExpressionSyntax { Parent: AwaitExpressionSyntax } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured }
                => configured.Parent is AwaitExpressionSyntax,
            _ => false,
        };

    private static bool ReadsLikeIoHandle(ExpressionSyntax receiver) =>
        receiver.DescendantNodesAndSelf().OfType<SimpleNameSyntax>()
            .SelectMany(name => Words(name.Identifier.ValueText))
            .Any(IoWords.Contains);

    /// <summary>"_orderDbContext" → "order", "db", "context", "orderdbcontext" (camel case and underscores split).</summary>
    private static IEnumerable<string> Words(string identifier)
    {
        var trimmed = identifier.TrimStart('_', '@');
        yield return trimmed;
        var start = 0;
        for (var i = 1; i <= trimmed.Length; i++)
        {
            if (i == trimmed.Length || char.IsUpper(trimmed[i]) && !char.IsUpper(trimmed[i - 1]) || trimmed[i] == '_')
            {
                if (i > start)
                {
                    yield return trimmed[start..i].Trim('_');
                }

                start = i;
            }
        }
    }
}
