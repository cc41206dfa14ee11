using System.Collections.Concurrent;
using System.Net.Http;

namespace Shop;

public sealed class OrderService(ShopDb db)
{
    private static readonly ConcurrentDictionary<string, Customer> Customers = new();
    private static readonly HttpClient Shared = new();

    public Customer Customer(string id) => Customers.GetOrAdd(id, key => db.LoadCustomer(key));

    public Order Load(int id) => db.LoadOrderAsync(id).Result;

    public async Task<Order> LoadAsync(int id) => await db.LoadOrderAsync(id);

    public async void Refresh() => await db.RefreshAsync();

    public string Export(IEnumerable<Order> orders)
    {
        var csv = "";
        foreach (var order in orders)
        {
            csv += order.Id + ";";
            if (orders.Count() > 1000) { break; }
        }

        return csv;
    }

    public async Task<string> FetchAsync(string url)
    {
        using var http = new HttpClient();
        var first = await Shared.GetStringAsync(url);
        return await http.GetStringAsync(url) + first;
    }
}
