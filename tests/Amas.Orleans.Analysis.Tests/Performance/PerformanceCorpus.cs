using Amas.Orleans.Analysis.Performance;

namespace Amas.Orleans.Analysis.Tests.Performance;

/// <summary>
/// Three files with planted problems and near misses and, written by hand from reading them, the findings they must
/// produce. The numbers in the margin comments are the files' line numbers.
/// </summary>
internal static class PerformanceCorpus
{
    public const string CSharpPath = "src/Shop/OrderService.cs";
    public const string PythonPath = "jobs/sync_users.py";
    public const string JavaScriptPath = "web/routes.js";

    public static string CSharp => """
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Text;

        namespace Shop;

        public sealed class OrderService(ShopDb db)
        {
            private static readonly ConcurrentDictionary<string, Customer> Customers = new();
            private static readonly ConcurrentDictionary<string, Price> Prices = new();
            private static readonly HttpClient Shared = new();

            public Customer Customer(string id) => Customers.GetOrAdd(id, key => db.LoadCustomer(key));

            public Price Price(string sku) => Prices.GetOrAdd(sku, key => db.LoadPrice(key));

            public void Reprice(string sku) => Prices.TryRemove(sku, out _);

            public Order Load(int id) => db.LoadOrderAsync(id).Result;

            public async Task<Order> LoadAsync(int id) => await db.LoadOrderAsync(id);

            public async void Refresh() => await db.RefreshAsync();

            private async void OnSaved(object sender, EventArgs e) => await db.RefreshAsync();

            public async Task<string> ExportAsync(IEnumerable<Order> orders)
            {
                var csv = "";
                var names = new StringBuilder();
                foreach (var order in orders)
                {
                    csv += order.Id + ";";
                    names.Append(order.Name);
                    if (orders.Any(o => o.ParentId == order.Id)) { }
                    if (order.Lines.Any()) { }
                    var details = await db.Orders.FindAsync(order.Id);
                }

                return csv;
            }

            public async Task<string> FetchAsync(string url)
            {
                using var http = new HttpClient();
                var first = await Shared.GetStringAsync(url);
                return await http.GetStringAsync(url) + first;
            }

            public void Block(Task pendingTask) => pendingTask.GetAwaiter().GetResult();
        }
        """;

    public static string Python => """
        import requests


        def sync_users(session, user_ids):
            report = ""
            admins = ["root", "ops"]
            banned = {"spam"}
            for user_id in user_ids:
                profile = requests.get(f"https://api.example.com/users/{user_id}")
                report += profile.text
                if user_id in admins:
                    continue
                if user_id in banned:
                    continue
                # requests.post("https://api.example.com/audit", json=user_id)
            return report


        def load_all(cursor, ids):
            cursor.execute("select * from users where id = any(%s)", (ids,))
            rows = cursor.fetchall()
            count = 0
            for row in rows:
                count += 1
                cursor.execute("update users set seen = true where id = %s", (row[0],))
            return count
        """;

    public static string JavaScript => """
        import fs from 'fs';

        const template = fs.readFileSync('./template.html', 'utf8');

        export async function syncAll(ids) {
          const results = [];
          for (const id of ids) {
            const res = await fetch(`/api/items/${id}`);
            results.push(await res.json());
          }
          for await (const chunk of stream(ids)) {
            results.push(chunk);
          }
          await Promise.all(ids.map(async (id) => {
            await fetch(`/api/audit/${id}`);
          }));
          return results;
        }

        export function render(req, res) {
          const page = fs.readFileSync('./page.html', 'utf8');
          const state = JSON.parse(JSON.stringify(req.body));
          res.send(template + page + JSON.stringify(state));
        }

        function copy(state) {
          // return JSON.parse(JSON.stringify(state));
          return structuredClone(state);
        }
        """;

    /// <summary>
    /// Near misses that must stay silent — C#: 10 (a cache that also removes), 11 (static HttpClient), 21 (await),
    /// 25 (event handler), 34 (StringBuilder), 36 (Any() per item), 46 (a call outside a loop). Python: 13 (a set),
    /// 15 (a comment), 20 (outside a loop), 24 (a number). JavaScript: 3 (startup read), 11 (for await), 15 (a
    /// callback), 23 (plain stringify), 27 (a comment).
    /// </summary>
    public static IReadOnlyList<(string File, string Rule, int Line)> Expected { get; } =
    [
        (CSharpPath, PerformanceRuleIds.UnboundedCache, 9),
        (CSharpPath, PerformanceRuleIds.SyncOverAsync, 19),
        (CSharpPath, PerformanceRuleIds.AsyncVoid, 23),
        (CSharpPath, PerformanceRuleIds.StringConcatInLoop, 33),
        (CSharpPath, PerformanceRuleIds.LinqCountInLoop, 35),
        (CSharpPath, PerformanceRuleIds.IoInLoop, 37),
        (CSharpPath, PerformanceRuleIds.HttpClientPerCall, 45),
        (CSharpPath, PerformanceRuleIds.SyncOverAsync, 50),
        (PythonPath, PerformanceRuleIds.PyIoInLoop, 9),
        (PythonPath, PerformanceRuleIds.PyStringConcatInLoop, 10),
        (PythonPath, PerformanceRuleIds.PyListMembershipInLoop, 11),
        (PythonPath, PerformanceRuleIds.PyIoInLoop, 25),
        (JavaScriptPath, PerformanceRuleIds.JsAwaitInLoop, 8),
        (JavaScriptPath, PerformanceRuleIds.JsAwaitInLoop, 9),
        (JavaScriptPath, PerformanceRuleIds.JsSyncFs, 21),
        (JavaScriptPath, PerformanceRuleIds.JsJsonDeepClone, 22),
    ];
}
