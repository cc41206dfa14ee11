using Amas.Orleans.Orchestration;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Orchestration;

public sealed class TaskSpecValidatorTests
{
    private static TaskSpec Spec(TaskKind kind, TaskOptions options) => new() { Kind = kind, Options = options, Submitter = "test" };

    [Fact]
    public void Defaults_are_valid_for_orchestrate()
    {
        TaskSpecValidator.Validate(Spec(TaskKind.Orchestrate, new TaskOptions()));
    }

    [Fact]
    public void An_unknown_mode_is_rejected_with_every_valid_mode_of_the_kind()
    {
        var ex = Assert.Throws<TaskRejectedException>(() => TaskSpecValidator.Validate(Spec(TaskKind.Orchestrate, new TaskOptions { Mode = "turbo" })));

        var message = Assert.Single(ex.Errors["options.mode"]);
        foreach (var mode in TaskOptionCatalog.Modes[TaskKind.Orchestrate])
        {
            Assert.Contains(mode, message);
        }
    }

    [Fact]
    public void A_mode_of_another_kind_is_not_valid_here()
    {
        var ex = Assert.Throws<TaskRejectedException>(() => TaskSpecValidator.Validate(Spec(TaskKind.Orchestrate, new TaskOptions { Mode = "aggressive" })));

        Assert.True(ex.Errors.ContainsKey("options.mode"));
    }

    [Fact]
    public void Every_bad_component_is_reported_and_all_bad_fields_at_once()
    {
        var ex = Assert.Throws<TaskRejectedException>(() => TaskSpecValidator.Validate(Spec(TaskKind.Orchestrate, new TaskOptions
        {
            Mode = "turbo",
            Components = ["security", "speed", "looks"],
            DeadlineSeconds = 0,
        })));

        Assert.Equal(2, ex.Errors["options.components"].Length);
        Assert.Contains("'speed'", ex.Errors["options.components"][0]);
        Assert.Contains("'looks'", ex.Errors["options.components"][1]);
        Assert.True(ex.Errors.ContainsKey("options.mode"));
        Assert.True(ex.Errors.ContainsKey("options.deadline_seconds"));
    }

    [Fact]
    public void Depth_is_checked_against_the_kind_s_own_values()
    {
        TaskSpecValidator.Validate(Spec(TaskKind.SelfImprove, new TaskOptions { Depth = "deep" }));
        var ex = Assert.Throws<TaskRejectedException>(() => TaskSpecValidator.Validate(Spec(TaskKind.IssueRespond, new TaskOptions { Depth = "deep" })));

        Assert.Contains("basic, detailed, comprehensive, expert", Assert.Single(ex.Errors["options.depth"]));
    }
}
