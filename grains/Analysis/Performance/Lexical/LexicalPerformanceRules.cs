using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>
/// The Python and JavaScript/TypeScript rules, read through the lexer rather than a parser. Severities match their C#
/// counterparts: I/O per iteration and blocking the event loop fail under load (Medium), string building in a loop
/// is quadratic (Medium), sequential awaits are often deliberate (Medium), deep clones and list scans cost CPU (Low).
/// </summary>
public static class LexicalPerformanceRules
{
    public static IReadOnlyList<PerformanceRule<LexicalSource>> Python { get; } =
    [
        new()
        {
            Id = PerformanceRuleIds.PyStringConcatInLoop,
            Title = "String concatenation in a loop",
            Explanation = "Python strings are immutable; 's += x' in a loop copies the string built so far each time "
                + "(CPython's in-place shortcut is an implementation detail that other references defeat), so the loop "
                + "is quadratic in the result's length.",
            Severity = Severity.Medium,
            Fix = "Collect the parts in a list and ''.join(parts) once after the loop, or write to io.StringIO.",
            Check = PythonChecks.StringConcatInLoop,
        },
        new()
        {
            Id = PerformanceRuleIds.PyIoInLoop,
            Title = "Database or network call in a loop (N+1)",
            Explanation = "A request or query per iteration pays a full round trip each time; N items cost N+1 round "
                + "trips where one batched call would do.",
            Severity = Severity.Medium,
            Fix = "Fetch the batch in one call (WHERE … IN, executemany, a bulk endpoint, selectinload), or run "
                + "independent requests concurrently with a session and asyncio.gather.",
            Check = PythonChecks.IoInLoop,
        },
        new()
        {
            Id = PerformanceRuleIds.PyListMembershipInLoop,
            Title = "List membership test in a loop",
            Explanation = "'x in some_list' compares element by element; inside a loop over other data that is "
                + "O(n·m), where a set answers in constant time.",
            Severity = Severity.Low,
            Fix = "Build a set once before the loop (lookup = set(some_list)) and test membership against it.",
            Check = PythonChecks.ListMembershipInLoop,
        },
    ];

    public static IReadOnlyList<PerformanceRule<LexicalSource>> JavaScript { get; } =
    [
        new()
        {
            Id = PerformanceRuleIds.JsAwaitInLoop,
            Title = "await inside a loop",
            Explanation = "Each iteration waits for the previous call to finish, so independent operations run one "
                + "after another and the loop takes the sum of their latencies instead of the longest one.",
            Severity = Severity.Medium,
            Fix = "Start the operations first and await them together with Promise.all (bounded with a pool for "
                + "large inputs); keep the sequential loop only where order or rate limits require it.",
            Check = JavaScriptChecks.AwaitInLoop,
        },
        new()
        {
            Id = PerformanceRuleIds.JsSyncFs,
            Title = "Synchronous file system call in async code or a request handler",
            Explanation = "fs.*Sync calls block Node's single event-loop thread for the whole disk operation; in a "
                + "request path no other request, timer or socket is served meanwhile.",
            Severity = Severity.Medium,
            Fix = "Use the fs/promises equivalent and await it (await fs.promises.readFile(path)), or read the file "
                + "once at startup.",
            Check = JavaScriptChecks.SyncFs,
        },
        new()
        {
            Id = PerformanceRuleIds.JsJsonDeepClone,
            Title = "Deep clone through JSON",
            Explanation = "JSON.parse(JSON.stringify(x)) serialises the whole object graph to a string and parses it "
                + "back: slow and allocation-heavy for large objects, and it silently drops Dates, Maps, undefined and "
                + "functions.",
            Severity = Severity.Low,
            Fix = "Use structuredClone(x), or copy only what changes with spread syntax.",
            Check = JavaScriptChecks.JsonClone,
        },
    ];

    public static IReadOnlyList<PerformanceRule<LexicalSource>> For(SourceLanguage language) => language switch
    {
        SourceLanguage.Python => Python,
        SourceLanguage.JavaScript or SourceLanguage.TypeScript => JavaScript,
        _ => [],
    };
}
