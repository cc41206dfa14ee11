namespace Amas.Orleans.Repositories;

/// <summary>Pins a validated repository to one commit, and makes that commit's files readable on this silo.</summary>
public interface IRepositoryCheckouts
{
    /// <summary>
    /// The same repository with <see cref="ResolvedRepository.Commit"/> set: for a git URL, the full commit id that
    /// <paramref name="gitRef"/> (or the remote HEAD when null) points at now; for a local path, its HEAD when it is a
    /// git work tree, otherwise null.
    /// </summary>
    /// <exception cref="RepositoryCheckoutException">The remote could not be read or has no such ref.</exception>
    Task<ResolvedRepository> PinAsync(ResolvedRepository repository, string? gitRef, CancellationToken cancellationToken);

    /// <summary>
    /// The repository's readable files: a local path walked in place, a pinned git URL checked out once per silo
    /// and commit, then reused.
    /// </summary>
    /// <exception cref="RepositoryCheckoutException">The commit could not be fetched or checked out.</exception>
    Task<RepositoryCheckout> CheckoutAsync(ResolvedRepository repository, CancellationToken cancellationToken);

    /// <summary>
    /// The directory holding the commit's files on this silo, checked out as <see cref="CheckoutAsync"/> would but not
    /// walked: for an agent that reads one known file (the ConflictResolver's suppression file), not the whole tree.
    /// </summary>
    /// <exception cref="RepositoryCheckoutException">The commit could not be fetched or checked out.</exception>
    Task<string> DirectoryAsync(ResolvedRepository repository, CancellationToken cancellationToken);
}
