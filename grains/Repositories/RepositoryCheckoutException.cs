namespace Amas.Orleans.Repositories;

/// <summary>
/// A repository could not be pinned or brought onto this silo's disk: git failed, timed out, or the ref does not
/// exist. The message carries git's own explanation (its standard error).
/// </summary>
public sealed class RepositoryCheckoutException : Exception
{
    public RepositoryCheckoutException(string message) : base(message)
    {
    }

    public RepositoryCheckoutException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
