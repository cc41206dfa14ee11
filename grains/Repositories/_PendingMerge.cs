namespace Amas.Orleans.Repositories;
public sealed class RepositoryTargetValidator { public ResolvedRepository Validate(RepositoryTarget? t) => throw new NotSupportedException(); }
public interface IRepositoryCheckouts { Task<ResolvedRepository> PinAsync(ResolvedRepository r, string? gitRef, CancellationToken ct); Task<RepositoryCheckout> CheckoutAsync(ResolvedRepository r, CancellationToken ct); }
