using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Tests.Fixes;

public sealed class CheckoutBoundsTests
{
    private static readonly RepositoryCheckout Checkout = new("/repo", null,
    [
        new("Dockerfile", "/repo/Dockerfile", 100),
        new("big.json", "/repo/big.json", 10_000),
        new("src/a/deep.cs", "/repo/src/a/deep.cs", 100),
        new("src/main.cs", "/repo/src/main.cs", 100),
        new("requirements.txt", "/repo/requirements.txt", 100),
    ], 0, 1);

    [Fact]
    public void Bounds_keep_the_shallowest_files_under_the_size_limit_and_count_the_rest_as_skipped()
    {
        var bounded = Checkout.Within(new AnalysisBounds { MaxFiles = 3, MaxFileBytes = 1000 });

        Assert.Equal(["Dockerfile", "requirements.txt", "src/main.cs"], bounded.Files.Select(f => f.RelativePath));
        Assert.Equal(1 + 2, bounded.SkippedOversized);
    }

    [Fact]
    public void No_bounds_read_everything()
    {
        Assert.Same(Checkout, Checkout.Within(null));
    }
}
