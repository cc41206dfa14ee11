namespace Amas.Orleans.Analysis.Security;

/// <summary>Where a rule matched: the whole match (it locates the finding) and the secret inside it.</summary>
internal sealed record SecretSpan(SecretRule Rule, int Priority, int MatchStart, int MatchEnd, int SecretStart, int SecretEnd, string Secret)
{
    public bool Overlaps(SecretSpan other) => SecretStart < other.SecretEnd && other.SecretStart < SecretEnd;
}
