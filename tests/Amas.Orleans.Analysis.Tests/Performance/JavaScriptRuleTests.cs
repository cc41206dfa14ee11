using Amas.Orleans.Analysis.Performance;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class JavaScriptRuleTests
{
    private static IReadOnlyList<int> Lines(string text, string rule, string path = "src/app.js") =>
        Analysed.Lines(path, text, rule);

    [Theory]
    [InlineData("async function load(ids) {\n  for (const id of ids) {\n    await fetch(`/items/${id}`);\n  }\n}\n", 3)]
    [InlineData("async function drain(q) {\n  while (q.length) await q.shift()();\n}\n", 2)]
    [InlineData("const run = async (xs) => {\n  for (let i = 0; i < xs.length; i++) {\n    const r = await save(xs[i]);\n  }\n};\n", 3)]
    public void Await_inside_a_loop_body_is_flagged(string text, int line) =>
        Assert.Equal([line], Lines(text, PerformanceRuleIds.JsAwaitInLoop));

    [Theory]
    [InlineData("async function load(stream) {\n  for await (const chunk of stream) {\n    handle(chunk);\n  }\n}\n")]
    [InlineData("async function load(ids) {\n  await Promise.all(ids.map(async (id) => {\n    await fetch(id);\n  }));\n}\n")]
    [InlineData("async function load(ids) {\n  for (const id of ids) {\n    jobs.push(async () => { await fetch(id); });\n  }\n}\n")]
    [InlineData("async function load(ids) {\n  // for (const id of ids) { await fetch(id); }\n  const s = 'while (x) { await y }';\n}\n")]
    public void For_await_callbacks_and_text_in_comments_are_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.JsAwaitInLoop));

    [Theory]
    [InlineData("async function handler(event) {\n  const cfg = fs.readFileSync('cfg.json');\n}\n", 2)]
    [InlineData("app.get('/report', (req, res) => {\n  res.send(readFileSync('report.html'));\n});\n", 2)]
    [InlineData("class Api {\n  async save(doc: Doc): Promise<void> {\n    fs.writeFileSync(doc.path, doc.body);\n  }\n}\n", 3)]
    public void Synchronous_fs_in_async_code_or_a_handler_is_flagged(string text, int line) =>
        Assert.Equal([line], Lines(text, PerformanceRuleIds.JsSyncFs, "src/app.ts"));

    [Theory]
    [InlineData("const cfg = JSON.parse(fs.readFileSync('cfg.json', 'utf8'));\n")]
    [InlineData("function loadConfig(path) {\n  return fs.readFileSync(path);\n}\n")]
    [InlineData("async function handler(event) {\n  const cfg = await fs.promises.readFile('cfg.json');\n}\n")]
    public void Synchronous_fs_at_startup_or_the_promise_api_is_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.JsSyncFs, "src/app.ts"));

    [Fact]
    public void A_deep_clone_through_json_is_flagged()
    {
        const string text = "function copy(state) {\n  return JSON.parse( JSON.stringify(state) );\n}\n";

        Assert.Equal([2], Lines(text, PerformanceRuleIds.JsJsonDeepClone));
    }

    [Theory]
    [InlineData("function copy(state) {\n  return structuredClone(state);\n}\n")]
    [InlineData("function load(text) {\n  return JSON.parse(text);\n}\n")]
    [InlineData("const body = JSON.stringify(state);\n")]
    public void Structured_clone_or_plain_json_use_is_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.JsJsonDeepClone));
}
