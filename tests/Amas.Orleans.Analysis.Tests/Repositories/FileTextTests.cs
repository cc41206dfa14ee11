using System.Text;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Tests.Repositories;

public sealed class FileTextTests
{
    private const string Sample = "naïve café ✓";

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "utf-8", Encoding.UTF8.GetBytes(Sample) },
        { "utf-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
        { "utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)] },
        { "utf-16BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "utf-32", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Sample)] },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Text_is_decoded_by_its_byte_order_mark_or_as_utf8_and_the_mark_is_dropped(string webName, byte[] bytes)
    {
        var text = FileText.Decode(bytes);

        Assert.Equal(Sample, text.Text);
        Assert.Equal(webName, text.Encoding.WebName);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_fall_back_to_latin1_so_nothing_is_lost()
    {
        var text = FileText.Decode([(byte)'c', (byte)'a', (byte)'f', 0xE9]);

        Assert.Equal("café", text.Text);
        Assert.Equal(Encoding.Latin1.WebName, text.Encoding.WebName);
        Assert.False(text.HasByteOrderMark);
    }

    [Fact]
    public async Task A_file_is_read_and_decoded()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)]);

            var text = await FileText.ReadAsync(path, CancellationToken.None);

            Assert.Equal(Sample, text.Text);
            Assert.True(text.HasByteOrderMark);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
