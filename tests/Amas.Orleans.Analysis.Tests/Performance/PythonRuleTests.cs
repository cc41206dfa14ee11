using Amas.Orleans.Analysis.Performance;

namespace Amas.Orleans.Analysis.Tests.Performance;

public sealed class PythonRuleTests
{
    private static IReadOnlyList<int> Lines(string text, string rule) => Analysed.Lines("app/jobs.py", text, rule);

    [Theory]
    [InlineData("def report(rows):\n    out = \"\"\n    for row in rows:\n        out += row.name\n    return out\n", 4)]
    [InlineData("out: str = f'{1}'\nwhile more():\n    out += next_chunk()\n", 3)]
    [InlineData("out = ''\nfor row in rows: out += row\n", 2)]
    public void String_concatenation_in_a_loop_is_flagged(string text, int line) =>
        Assert.Equal([line], Lines(text, PerformanceRuleIds.PyStringConcatInLoop));

    [Theory]
    [InlineData("def report(rows):\n    parts = []\n    for row in rows:\n        parts += [row.name]\n    return ''.join(parts)\n")]
    [InlineData("total = 0\nfor row in rows:\n    total += row.size\n")]
    [InlineData("out = ''\nout += 'header'\n")]
    [InlineData("# out = ''\nout = load()\nfor row in rows:\n    out += row\n")]
    public void A_list_a_number_or_concatenation_outside_a_loop_is_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.PyStringConcatInLoop));

    [Theory]
    [InlineData("for user in users:\n    profile = requests.get(f'/users/{user}')\n", 2)]
    [InlineData("def sync(ids):\n    for i in ids:\n        cursor.execute('select 1 where id = %s', (i,))\n", 3)]
    [InlineData("while queue:\n    item = db_session.query(Item).get(queue.pop())\n", 2)]
    public void A_request_or_query_per_iteration_is_flagged(string text, int line) =>
        Assert.Equal([line], Lines(text, PerformanceRuleIds.PyIoInLoop));

    [Theory]
    [InlineData("profiles = requests.post('/users/batch', json=users)\nfor p in profiles:\n    show(p)\n")]
    [InlineData("for user in users:\n    # requests.get(user)\n    log('requests.get(x)')\n")]
    [InlineData("def sync(ids):\n    cursor.execute('select * where id in %s', (ids,))\n")]
    public void A_batched_call_or_a_call_in_a_comment_or_string_is_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.PyIoInLoop));

    [Fact]
    public void Membership_in_a_list_inside_a_loop_is_flagged()
    {
        const string text = "blocked = ['a', 'b']\nfor user in users:\n    if user in blocked:\n        skip(user)\n";

        Assert.Equal([3], Lines(text, PerformanceRuleIds.PyListMembershipInLoop));
    }

    [Theory]
    [InlineData("blocked = {'a', 'b'}\nfor user in users:\n    if user in blocked:\n        skip(user)\n")]
    [InlineData("blocked = ['a', 'b']\nif user in blocked:\n    skip(user)\n")]
    [InlineData("blocked = ['a']\nfor user in users:\n    if any(x for x in blocked):\n        skip(user)\n")]
    public void Membership_in_a_set_or_outside_a_loop_is_not_flagged(string text) =>
        Assert.Empty(Lines(text, PerformanceRuleIds.PyListMembershipInLoop));
}
