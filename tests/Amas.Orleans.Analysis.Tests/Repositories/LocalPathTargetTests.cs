using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Repositories;

public sealed class LocalPathTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;
    private readonly RepositoryTargetValidator _validator;

    public LocalPathTargetTests()
    {
        _root = _temp.CreateDirectory("allowed-root");
        _validator = ValidatorFor(_root);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_directory_inside_an_allowed_root_is_accepted_with_its_resolved_path()
    {
        var project = _temp.CreateDirectory("allowed-root", "project");

        var resolved = _validator.Validate(new RepositoryTarget { Path = project });

        Assert.Equal(project, resolved.LocalPath);
        Assert.Null(resolved.GitUrl);
        Assert.Null(resolved.Commit);
    }

    [Fact]
    public void The_allowed_root_itself_is_accepted()
    {
        Assert.Equal(_root, _validator.Validate(new RepositoryTarget { Path = _root }).LocalPath);
    }

    [Fact]
    public void A_relative_path_is_rejected()
    {
        AssertRejected(new RepositoryTarget { Path = "allowed-root/project" }, RepositoryTargetValidator.PathKey, "absolute");
    }

    [Fact]
    public void A_missing_directory_is_rejected()
    {
        AssertRejected(new RepositoryTarget { Path = Path.Combine(_root, "missing") }, RepositoryTargetValidator.PathKey, "does not exist");
    }

    [Fact]
    public void A_file_instead_of_a_directory_is_rejected()
    {
        var file = _temp.WriteFile("allowed-root/readme.txt", "hello");

        AssertRejected(new RepositoryTarget { Path = file }, RepositoryTargetValidator.PathKey, "is a file");
    }

    [Fact]
    public void A_dot_dot_escape_is_rejected()
    {
        _temp.CreateDirectory("allowed-root", "project");
        _temp.CreateDirectory("outside");

        AssertRejected(
            new RepositoryTarget { Path = _root + "/project/../../outside" }, RepositoryTargetValidator.PathKey, "'..'");
    }

    [Fact]
    public void A_symlink_inside_the_root_pointing_outside_is_rejected()
    {
        var outside = _temp.CreateDirectory("outside", "secrets");
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), outside);

        AssertRejected(new RepositoryTarget { Path = Path.Combine(_root, "escape") }, RepositoryTargetValidator.PathKey, "not inside");
    }

    [Fact]
    public void A_symlink_in_the_middle_of_the_path_pointing_outside_is_rejected()
    {
        _temp.CreateDirectory("outside", "secrets", "deeper");
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), "../outside");

        AssertRejected(
            new RepositoryTarget { Path = Path.Combine(_root, "escape", "secrets", "deeper") },
            RepositoryTargetValidator.PathKey, "not inside");
    }

    [Fact]
    public void A_path_with_a_nul_character_is_rejected()
    {
        AssertRejected(new RepositoryTarget { Path = _root + "/project\0/etc" }, RepositoryTargetValidator.PathKey, "control characters");
    }

    [Fact]
    public void A_sibling_whose_name_starts_with_the_root_name_is_not_inside_the_root()
    {
        var evil = _temp.CreateDirectory("allowed-root-evil");

        AssertRejected(new RepositoryTarget { Path = evil }, RepositoryTargetValidator.PathKey, "not inside");
    }

    [Fact]
    public void A_missing_directory_outside_the_roots_is_reported_as_outside_not_as_missing()
    {
        AssertRejected(new RepositoryTarget { Path = _temp.Combine("nowhere") }, RepositoryTargetValidator.PathKey, "not inside");
    }

    [Fact]
    public void An_allowed_root_that_is_a_symlink_is_resolved_before_comparing()
    {
        var project = _temp.CreateDirectory("allowed-root", "project");
        var rootLink = _temp.Combine("root-link");
        Directory.CreateSymbolicLink(rootLink, _root);
        var validator = ValidatorFor(rootLink);

        Assert.Equal(project, validator.Validate(new RepositoryTarget { Path = project }).LocalPath);
        Assert.Equal(project, validator.Validate(new RepositoryTarget { Path = Path.Combine(rootLink, "project") }).LocalPath);
    }

    [Fact]
    public void A_percent_encoded_dot_dot_is_an_ordinary_directory_name()
    {
        var literal = _temp.CreateDirectory("allowed-root", "%2e%2e");

        Assert.Equal(literal, _validator.Validate(new RepositoryTarget { Path = literal }).LocalPath);
    }

    [Fact]
    public void A_symlink_loop_is_rejected_rather_than_followed_forever()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "a"), Path.Combine(_root, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "b"), Path.Combine(_root, "a"));

        AssertRejected(new RepositoryTarget { Path = Path.Combine(_root, "a") }, RepositoryTargetValidator.PathKey, "symbolic links");
    }

    [Fact]
    public void No_target_both_targets_and_neither_target_are_rejected_under_the_target_key()
    {
        AssertRejected(null, RepositoryTargetValidator.TargetKey, "required");
        AssertRejected(new RepositoryTarget(), RepositoryTargetValidator.TargetKey, "exactly one");
        AssertRejected(
            new RepositoryTarget { Path = _root, GitUrl = "https://github.com/org/repo.git" },
            RepositoryTargetValidator.TargetKey, "exactly one");
    }

    [Fact]
    public void A_ref_on_a_local_path_is_rejected()
    {
        AssertRejected(new RepositoryTarget { Path = _root, Ref = "main" }, RepositoryTargetValidator.RefKey, "git_url");
    }

    [Fact]
    public void Local_paths_are_refused_when_no_roots_are_configured()
    {
        var validator = new RepositoryTargetValidator(Options.Create(new RepositoryOptions()));

        var error = Assert.Throws<TaskRejectedException>(() => validator.Validate(new RepositoryTarget { Path = _root }));
        Assert.Contains("no allowed roots", Assert.Single(error.Errors[RepositoryTargetValidator.PathKey]));
    }

    private static RepositoryTargetValidator ValidatorFor(string root) =>
        new(Options.Create(new RepositoryOptions { AllowedRoots = [root] }));

    private void AssertRejected(RepositoryTarget? target, string key, string expectedFragment)
    {
        var error = Assert.Throws<TaskRejectedException>(() => _validator.Validate(target));
        var sentence = Assert.Single(Assert.Single(error.Errors, pair => pair.Key == key).Value);
        Assert.Contains(expectedFragment, sentence, StringComparison.Ordinal);
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }
}
