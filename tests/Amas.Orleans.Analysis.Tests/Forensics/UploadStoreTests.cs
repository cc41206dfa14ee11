using Amas.Orleans.Uploads;

namespace Amas.Orleans.Analysis.Tests.Forensics;

/// <summary>The in-memory upload store keeps the contract the PostgreSQL one keeps (see the durability tests).</summary>
public sealed class UploadStoreTests
{
    private readonly InMemoryUploadStore _store = new(TimeProvider.System);

    [Fact]
    public async Task Chunks_are_read_back_in_order_only_once_the_upload_is_complete_and_delete_removes_it()
    {
        var id = Guid.NewGuid();
        await _store.BeginAsync(id, "a.bin", CancellationToken.None);
        await _store.AppendAsync(id, 0, new byte[] { 1, 2 }, CancellationToken.None);
        await _store.AppendAsync(id, 1, new byte[] { 3 }, CancellationToken.None);
        Assert.Null(await _store.FindAsync(id, CancellationToken.None));

        await _store.CompleteAsync(id, 3, new string('c', 64), CancellationToken.None);
        using var copy = new MemoryStream();
        await _store.CopyToAsync(id, copy, CancellationToken.None);

        Assert.Equal([1, 2, 3], copy.ToArray());
        Assert.Equal(3, (await _store.FindAsync(id, CancellationToken.None))!.Size);
        Assert.True(await _store.DeleteAsync(id, CancellationToken.None));
        Assert.Null(await _store.FindAsync(id, CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.CopyToAsync(id, copy, CancellationToken.None));
    }

    [Fact]
    public async Task A_complete_upload_is_never_begun_again_but_an_interrupted_one_starts_over()
    {
        var complete = Guid.NewGuid();
        await _store.BeginAsync(complete, "a.bin", CancellationToken.None);
        await _store.CompleteAsync(complete, 0, new string('0', 64), CancellationToken.None);
        var interrupted = Guid.NewGuid();
        await _store.BeginAsync(interrupted, "b.bin", CancellationToken.None);
        await _store.AppendAsync(interrupted, 0, new byte[] { 9 }, CancellationToken.None);

        Assert.False(await _store.BeginAsync(complete, "other.bin", CancellationToken.None));
        Assert.True(await _store.BeginAsync(interrupted, "b.bin", CancellationToken.None));
        await _store.AppendAsync(interrupted, 0, new byte[] { 7 }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.AppendAsync(interrupted, 5, new byte[] { 7 }, CancellationToken.None));
        Assert.Equal("a.bin", (await _store.FindAsync(complete, CancellationToken.None))!.FileName);
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\evil.exe", "evil.exe")]
    [InlineData("a\u0000b\u001b.txt", "ab.txt")]
    [InlineData("..", "upload")]
    [InlineData("", "upload")]
    [InlineData(null, "upload")]
    public void Uploaded_names_keep_only_their_last_segment_without_control_characters(string? sent, string kept)
    {
        Assert.Equal(kept, UploadFileNames.Clean(sent));
    }
}
