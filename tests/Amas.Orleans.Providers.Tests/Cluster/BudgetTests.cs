using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amas.Orleans.Hosting;
using Amas.Orleans.Providers.Budgets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(BudgetCollection.Name)]
public sealed class BudgetTests(BudgetCluster cluster)
{
    private Task<GenerateResponse> AskAsync(string provider, string prompt, Guid? taskId = null, string? caller = null)
        => cluster.Router.GenerateAsync(new GenerateRequest { Prompt = prompt, Providers = [provider], TaskId = taskId, Caller = caller });

    [Fact]
    public async Task A_task_budget_of_two_answers_refuses_the_third_call_without_calling_a_provider_and_another_task_is_unaffected()
    {
        var task = Guid.NewGuid();
        var other = Guid.NewGuid();

        var first = await AskAsync("bt-1", "budget 1", task);
        var second = await AskAsync("bt-1", "budget 2", task);
        var third = await AskAsync("bt-1", "budget 3", task);
        var otherTask = await AskAsync("bt-1", "budget 3", other);

        Assert.True(first.Success, first.Error);
        Assert.Equal(BudgetCluster.TokensPerAnswer, first.PromptTokens + first.CompletionTokens);
        Assert.True(second.Success, second.Error);
        Assert.False(third.Success);
        Assert.Equal(GenerateErrorCodes.BudgetExhausted, third.ErrorCode);
        Assert.Empty(third.Attempts);
        Assert.Equal(AiBudgets.TaskScope, third.Budget!.Scope);
        Assert.Equal(task.ToString("D"), third.Budget.Owner);
        Assert.Equal(AiBudgets.Tokens, third.Budget.Resource);
        Assert.Equal(24, third.Budget.Limit);
        Assert.Equal(24, third.Budget.Spent);
        Assert.Null(third.Budget.ResetsAt);
        Assert.Equal($"Task {task:D} has spent its AI budget of 24 tokens (24 used); no provider was called.", third.Error);
        Assert.True(otherTask.Success, otherTask.Error);
        // Three answers reached the provider: the two of the task and the other task's; the refused call never left.
        Assert.Equal(["budget 1", "budget 2", "budget 3"], cluster.Server.Script("bt-1").Received.Select(r => r.Body["messages"]![0]!["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_callers_daily_budget_stops_the_fourth_answer_leaves_other_callers_alone_and_resets_at_utc_midnight()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await AskAsync("bc-1", $"alice {i}", caller: "alice")).Success);
        }

        var refused = await AskAsync("bc-1", "alice 3", caller: "alice");
        var bob = await AskAsync("bc-1", "bob 0", caller: "bob");

        Assert.Equal(GenerateErrorCodes.BudgetExhausted, refused.ErrorCode);
        Assert.Equal(AiBudgets.CallerScope, refused.Budget!.Scope);
        Assert.Equal("alice", refused.Budget.Owner);
        Assert.Equal(36, refused.Budget.Spent);
        var midnight = new DateTimeOffset(cluster.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Assert.Equal(midnight, refused.Budget.ResetsAt);
        Assert.True(bob.Success, bob.Error);
        Assert.Equal(4, cluster.Server.Script("bc-1").Received.Count);

        cluster.Clock.Advance(midnight - cluster.Clock.GetUtcNow());
        var nextDay = await AskAsync("bc-1", "alice tomorrow", caller: "alice");
        Assert.True(nextDay.Success, nextDay.Error);
        Assert.Equal(5, cluster.Server.Script("bc-1").Received.Count);
    }

    private async Task<bool> StoredAsync(IAiBudgetGrain grain)
    {
        var storage = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Tasks);
        var stored = new GrainState<AiBudgetState>(new AiBudgetState());
        await storage.ReadStateAsync("budget", grain.GetGrainId(), stored);
        return stored.RecordExists;
    }

    [Fact]
    public async Task A_callers_day_is_kept_through_its_retention_and_then_deleted_from_storage()
    {
        var caller = "carol-" + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await AskAsync("bc-1", "carol 0", caller: caller)).Success);
        var now = cluster.Clock.GetUtcNow();
        var grain = cluster.Client.GetGrain<IAiBudgetGrain>(AiBudgetKeys.ForCallerDay(caller, DateOnly.FromDateTime(now.UtcDateTime)));
        var expiry = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) + BudgetCluster.CallerDayRetention;

        // The day is over, but not its retention: the expiry reminder (every second here) leaves it alone.
        cluster.Clock.Advance(expiry - now - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(await StoredAsync(grain));
        Assert.Equal(BudgetCluster.TokensPerAnswer, (await grain.GetSpentAsync()).Tokens);

        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await StoredAsync(grain) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(await StoredAsync(grain));
        Assert.Equal(0, (await grain.GetSpentAsync()).Tokens);
    }

    [Fact]
    public async Task A_task_cost_budget_refuses_the_call_after_the_one_that_crossed_it()
    {
        var task = Guid.NewGuid();

        var first = await AskAsync("bk-1", "costly 1", task);
        var second = await AskAsync("bk-1", "costly 2", task);

        Assert.True(first.Success, first.Error);
        Assert.Equal(3.5m, first.EstimatedCostUsd);
        Assert.Equal(GenerateErrorCodes.BudgetExhausted, second.ErrorCode);
        Assert.Equal(AiBudgets.CostUsd, second.Budget!.Resource);
        Assert.Equal(3m, second.Budget.Limit);
        Assert.Equal(3.5m, second.Budget.Spent);
        Assert.Single(cluster.Server.Script("bk-1").Received);
    }

    [Fact]
    public async Task Spent_amounts_are_written_to_grain_storage_so_every_silo_reads_the_same_budget()
    {
        var task = Guid.NewGuid();
        await AskAsync("bp-1", "persist 1", task);
        await AskAsync("bp-1", "persist 2", task);

        var grain = cluster.Client.GetGrain<IAiBudgetGrain>(AiBudgetKeys.ForTask(task));
        var storage = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Tasks);
        var stored = new GrainState<AiBudgetState>(new AiBudgetState());
        await storage.ReadStateAsync("budget", grain.GetGrainId(), stored);

        Assert.True(stored.RecordExists);
        Assert.Equal(2 * BudgetCluster.TokensPerAnswer, stored.State!.Tokens);
        Assert.Equal(2, stored.State.Calls);
        Assert.Equal(2 * BudgetCluster.TokensPerAnswer, (await grain.GetSpentAsync()).Tokens);
    }

    [Fact]
    public async Task Over_http_a_spent_task_budget_is_a_429_problem_naming_the_budget_and_no_provider_is_called()
    {
        await using var gateway = await LoopbackGateway.StartAsync(cluster.Client);
        var task = Guid.NewGuid();
        JsonObject Body(string prompt) => new() { ["prompt"] = prompt, ["providers"] = new JsonArray("bh-1"), ["task_id"] = task.ToString() };

        var first = await gateway.Http.PostAsJsonAsync("/api/v1/ai/generate", Body("http budget 1"));
        var second = await gateway.Http.PostAsJsonAsync("/api/v1/ai/generate", Body("http budget 2"));
        var third = await gateway.Http.PostAsJsonAsync("/api/v1/ai/generate", Body("http budget 3"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.False(third.Headers.Contains("Retry-After"));
        var problem = (await third.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal("The AI budget is spent.", problem["title"]!.GetValue<string>());
        Assert.Equal(GenerateErrorCodes.BudgetExhausted, problem["error_code"]!.GetValue<string>());
        Assert.Equal("task", problem["scope"]!.GetValue<string>());
        Assert.Equal("tokens", problem["resource"]!.GetValue<string>());
        Assert.Equal(24, problem["limit"]!.GetValue<decimal>());
        Assert.Contains("no provider was called", problem["detail"]!.GetValue<string>());
        Assert.Equal(2, cluster.Server.Script("bh-1").Received.Count);
    }

    [Fact]
    public async Task Over_http_a_task_id_that_is_not_a_guid_is_a_400_naming_the_field()
    {
        await using var gateway = await LoopbackGateway.StartAsync(cluster.Client);

        var response = await gateway.Http.PostAsJsonAsync("/api/v1/ai/generate", new JsonObject { ["prompt"] = "x", ["task_id"] = "not-a-task" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("GUID", problem["errors"]!["task_id"]![0]!.GetValue<string>());
    }
}
