namespace Amas.Orleans.Uploads;

/// <summary>An upload grew past the configured limit (<c>Amas:Uploads:MaxBytes</c>); nothing of it is kept.</summary>
[GenerateSerializer, Alias("amas.UploadTooLargeException")]
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException(long maxBytes)
        : base($"The file is larger than the {maxBytes}-byte upload limit.")
        => MaxBytes = maxBytes;

    [Id(0)] public long MaxBytes { get; private set; }
}
