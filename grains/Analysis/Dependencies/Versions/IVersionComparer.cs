namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// One ecosystem's version order. <see cref="IComparer{T}.Compare"/> throws <see cref="FormatException"/> for a
/// string <see cref="IsValid"/> rejects: callers check first, because guessing an order for garbage would turn into
/// false findings or silent misses.
/// </summary>
public interface IVersionComparer : IComparer<string>
{
    bool IsValid(string version);
}
