using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>
/// Where an agent that does not walk the repository reads one file of it (the suppression file): the checkout it was
/// given, else the commit's directory on this silo (<see cref="IRepositoryCheckouts.DirectoryAsync"/>); null when the
/// task has no repository.
/// </summary>
internal static class RepositoryDirectory
{
    public static async Task<string?> OfAsync(AgentContext context, IRepositoryCheckouts? checkouts, CancellationToken cancellationToken)
        => context.Repository?.Root
            ?? (context.Work.Repository is { } repository && checkouts is not null
                ? await checkouts.DirectoryAsync(repository, cancellationToken)
                : null);
}
