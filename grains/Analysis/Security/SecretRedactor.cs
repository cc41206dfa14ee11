namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Masks a secret for display. The masked form always has the same length, so it betrays neither the secret's
/// length nor more than a short prefix, which is enough for a reader to recognise the kind of key.
/// </summary>
public static class SecretRedactor
{
    public const int MaskedLength = 20;

    public const int MaxVisible = 4;

    public static string Redact(string secret)
    {
        // Short secrets show less: four characters of an eight-character password is half of it.
        var visible = Math.Min(MaxVisible, secret.Length / 4);
        return string.Concat(secret.AsSpan(0, visible), new string('*', MaskedLength - visible));
    }
}
