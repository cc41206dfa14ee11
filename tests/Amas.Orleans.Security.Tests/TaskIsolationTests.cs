using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>A caller sees, reads and cancels only its own tasks; another caller's task looks exactly like no task.</summary>
[Collection(SecuredGatewayCollection.Name)]
public sealed class TaskIsolationTests(SecuredGateway gateway)
{
    [Fact]
    public async Task Another_callers_task_is_a_404_identical_to_a_task_that_does_not_exist_and_is_never_cancelled()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        var task = await alice.SubmitAsync(gateway.Root, components: StallingAgent.Capability);
        try
        {
            await StallingAgent.WhenStartedAsync(task).WaitAsync(TimeSpan.FromSeconds(30));
            var nobody = Guid.NewGuid();
            foreach (var (method, path) in new[]
                     {
                         ("GET", "/api/v1/tasks/{0}"), ("GET", "/api/v1/tasks/{0}/result"), ("GET", "/api/v1/tasks/{0}/events"), ("POST", "/api/v1/tasks/{0}/cancel"),
                         ("GET", "/api/v1/tasks/{0}/artifacts/patch"),
                         ("GET", "/api/v1/workflows/{0}/status"),
                     })
            {
                using var theirs = await bob.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, task)));
                using var missing = await bob.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, nobody)));

                HttpJson.AssertProblem(theirs, HttpStatusCode.NotFound);
                HttpJson.AssertProblem(missing, HttpStatusCode.NotFound);
                Assert.Equal(Comparable(await missing.ReadJsonAsync(), nobody), Comparable(await theirs.ReadJsonAsync(), task));
            }

            var status = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
            Assert.Equal("running", status.GetProperty("lifecycle").GetString());

            using var cancelled = await alice.PostAsync($"/api/v1/tasks/{task}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("lifecycle").GetString());
        }
        finally
        {
            StallingAgent.Release(task);
        }
    }

    [Fact]
    public async Task Listings_hold_only_the_callers_own_tasks_and_an_admin_sees_everyones()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        var alices = await alice.SubmitAsync(gateway.Root);
        var bobs = await bob.SubmitAsync(gateway.Root);

        var aliceSees = await ListAsync(alice);
        var bobSees = await ListAsync(bob);
        using var admin = gateway.Admin();
        var adminSees = await ListAsync(admin);

        Assert.Contains(alices, aliceSees.Keys);
        Assert.DoesNotContain(bobs, aliceSees.Keys);
        Assert.All(aliceSees.Values, submitter => Assert.Equal("alice", submitter));
        Assert.Contains(bobs, bobSees.Keys);
        Assert.DoesNotContain(alices, bobSees.Keys);
        Assert.All(bobSees.Values, submitter => Assert.Equal("bob", submitter));
        Assert.Contains(alices, adminSees.Keys);
        Assert.Contains(bobs, adminSees.Keys);
    }

    [Fact]
    public async Task Every_credential_of_one_caller_reaches_its_tasks_within_its_role_and_an_admin_reaches_anyones()
    {
        using var aliceOperator = gateway.WithKey(gateway.Keys["alice-operator"]);
        var task = await aliceOperator.SubmitAsync(gateway.Root);

        // Same owner, other key: reads; a viewer may not cancel, whoever's task it is.
        using var aliceViewer = gateway.WithKey(gateway.Keys["alice-viewer"]);
        Assert.Equal(HttpStatusCode.OK, (await aliceViewer.GetAsync($"/api/v1/tasks/{task}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aliceViewer.PostAsync($"/api/v1/tasks/{task}/cancel", null)).StatusCode);

        // A JWT whose subject is "alice" is the same caller as alice's keys.
        using var aliceToken = gateway.WithToken(gateway.Tokens.Issue("alice", Roles.Viewer));
        Assert.Equal(HttpStatusCode.OK, (await aliceToken.GetAsync($"/api/v1/tasks/{task}")).StatusCode);

        using var admin = gateway.WithToken(gateway.Tokens.Issue("carol", Roles.Admin));
        var status = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
        Assert.Equal("alice", status.GetProperty("submitter").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/tasks/{task}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_callers_makes_two_tasks_each_private_to_its_caller()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        var repository = SampleRepository.Create(gateway.Root);

        var alices = await SubmitWithKeyAsync(alice, repository, "shared-key");
        var bobs = await SubmitWithKeyAsync(bob, repository, "shared-key");

        Assert.NotEqual(alices, bobs);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/v1/tasks/{alices}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/v1/tasks/{alices}")).StatusCode);
    }

    [Fact]
    public async Task A_hidden_task_is_recorded_in_the_audit_log_as_denied()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        var task = await alice.SubmitAsync(gateway.Root);

        using var response = await bob.GetAsync($"/api/v1/tasks/{task}");

        var entry = await Audit.FindAsync(gateway, response);
        Assert.Equal("denied", entry.GetProperty("result").GetString());
        Assert.Equal("bob", entry.GetProperty("caller").GetString());
        Assert.Equal($"/api/v1/tasks/{task}", entry.GetProperty("resource").GetString());
        Assert.Contains("another caller", entry.GetProperty("detail").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<Guid> SubmitWithKeyAsync(HttpClient http, string repository, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks")
        {
            Content = new StringContent(HttpJson.Submission(repository), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("task_id").GetGuid();
    }

    private static async Task<Dictionary<Guid, string>> ListAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=200");
        return page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("task_id").GetGuid(), i => i.GetProperty("submitter").GetString()!);
    }

    /// <summary>The problem with the id and the per-request trace id taken out: what must not differ.</summary>
    private static string Comparable(JsonElement problem, Guid id)
    {
        var fields = problem.EnumerateObject().Where(p => p.Name != "trace_id").ToDictionary(p => p.Name, p => p.Value.ToString().Replace(id.ToString(), "{id}", StringComparison.Ordinal));
        return JsonSerializer.Serialize(fields.OrderBy(f => f.Key, StringComparer.Ordinal));
    }
}
