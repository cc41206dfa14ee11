using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Tests.Forensics.ForensicsFixtures;

namespace Amas.Orleans.Analysis.Tests.Forensics;

public sealed class ForensicsAnalyzerTests : IDisposable
{
    private readonly ForensicsFixtures _files = new();

    private const string Notes = """
        Incident notes 2026
        Beacon: http://evil.example.com/payload.bin?id=7
        C2 at 10.20.30.40 and 203.0.113.99, contact ops@example.com
        Calls CreateRemoteThread after VirtualAllocEx.
        short
        """;

    [Fact]
    public async Task Hashes_of_a_text_file_match_the_machines_checksum_tools()
    {
        var path = _files.Text("notes.txt", Notes);

        var report = await AnalyzeAsync(path);

        Assert.Equal(Tool("md5sum", path), report.Hashes.Md5);
        Assert.Equal(Tool("sha1sum", path), report.Hashes.Sha1);
        Assert.Equal(Tool("sha256sum", path), report.Hashes.Sha256);
        Assert.Equal(Tool("sha512sum", path), report.Hashes.Sha512);
        Assert.Equal(new FileInfo(path).Length, report.Size);
        Assert.Equal(File.GetLastWriteTimeUtc(path), report.ModifiedUtc!.Value.UtcDateTime);
    }

    [Fact]
    public async Task Hashes_of_a_large_file_read_in_many_buffers_match_sha256sum()
    {
        var content = new byte[3_000_017];
        new Random(42).NextBytes(content);
        var path = _files.Write("random.bin", content);

        var report = await AnalyzeAsync(path);

        Assert.Equal(Tool("sha256sum", path), report.Hashes.Sha256);
        Assert.Equal(Tool("md5sum", path), report.Hashes.Md5);
        Assert.InRange(report.Entropy.Overall, 7.99, 8.0);
        Assert.Equal("unknown", report.Type.Name);
        Assert.Equal("packed_or_encrypted", report.EntropyHint);
        Assert.Equal((3_000_017 + 4095) / 4096, report.Entropy.Blocks.Count);
        Assert.All(report.Entropy.Blocks.SkipLast(1), b => Assert.InRange(b, 7.9, 8.0));
        Assert.Contains(report.Findings, f => f.Rule == "forensics.high-entropy" && f.Severity == Severity.Medium);
    }

    [Fact]
    public async Task Text_file_is_typed_as_text_with_moderate_entropy_and_its_indicators_are_reported()
    {
        var report = await AnalyzeAsync(_files.Text("notes.txt", Notes));

        Assert.Equal("text", report.Type.Name);
        Assert.False(report.Type.ExtensionMismatch);
        Assert.InRange(report.Entropy.Overall, 4.0, 5.5);
        Assert.Equal("normal", report.EntropyHint);
        Assert.Equal(["http://evil.example.com/payload.bin?id=7"], report.Indicators.Urls);
        Assert.Equal(["10.20.30.40", "203.0.113.99"], report.Indicators.IPv4);
        Assert.Equal(["ops@example.com"], report.Indicators.Emails);
        Assert.Equal(["CreateRemoteThread", "VirtualAllocEx"], report.Indicators.SuspiciousApis.Select(a => a.Name));
        Assert.DoesNotContain(report.Strings.Sample, s => s.Value.Contains("short", StringComparison.Ordinal));
        var rules = report.Findings.Select(f => $"{f.Rule}:{f.Severity}:{f.Evidence}").ToList();
        Assert.Contains("forensics.suspicious-api:High:CreateRemoteThread", rules);
        Assert.Contains("forensics.suspicious-api:Medium:VirtualAllocEx", rules);
        Assert.Contains("forensics.embedded-ip:Low:10.20.30.40", rules);
        Assert.Contains("forensics.embedded-url:Info:http://evil.example.com/payload.bin?id=7", rules);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal("forensics", f.Category);
            Assert.Equal("notes.txt", f.File);
        });
    }

    [Fact]
    public async Task Png_is_recognised_by_its_magic_and_a_wrong_extension_is_flagged()
    {
        var png = Png();

        var right = await AnalyzeAsync(_files.Write("pixel.png", png));
        var wrong = await AnalyzeAsync(_files.Write("pixel.pdf", png));
        var fakePdf = await AnalyzeAsync(_files.Text("invoice.pdf", "just text pretending to be a PDF"));

        Assert.Equal(("png", "image/png", false), (right.Type.Name, right.Type.Mime, right.Type.ExtensionMismatch));
        Assert.Equal("compressed_format", right.EntropyHint);
        Assert.DoesNotContain(right.Findings, f => f.Rule == "forensics.extension-mismatch");
        Assert.True(wrong.Type.ExtensionMismatch);
        Assert.Contains(wrong.Findings, f => f.Rule == "forensics.extension-mismatch" && f.Severity == Severity.Medium);
        Assert.Equal("text", fakePdf.Type.Name);
        Assert.True(fakePdf.Type.ExtensionMismatch);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0 }, "gif")]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, "gzip")]
    [InlineData(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 0x34 }, "java-class")]
    [InlineData(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2 }, "mach-o")]
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1 }, "mach-o")]
    [InlineData(new byte[] { 0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x20, 0x33, 0 }, "sqlite")]
    [InlineData(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4 }, "7z")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0 }, "wasm")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x00, 0xEE }, "unknown")]
    public void Signature_table_recognises_common_formats(byte[] header, string expected) =>
        Assert.Equal(expected, FileSignatures.Detect(header, looksLikeText: false).Name);

    [Fact]
    public async Task Zip_is_listed_without_extraction_and_ooxml_and_traversal_are_recognised()
    {
        var zip = Zip(("readme.txt", Encoding.UTF8.GetBytes(new string('a', 10_000))), ("../evil.sh", "#!/bin/sh\n"u8.ToArray()), ("inner.zip", Zip(("x", [1]))));
        var docx = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));

        var report = await AnalyzeAsync(_files.Write("bundle.zip", zip));
        var document = await AnalyzeAsync(_files.Write("letter.docx", docx));

        var archive = report.Archive!;
        Assert.Equal("zip", report.Type.Name);
        Assert.Equal(3, archive.EntryCount);
        Assert.Equal(["readme.txt", "../evil.sh", "inner.zip"], archive.Entries.Select(e => e.Name));
        Assert.Equal(10_000, archive.Entries[0].UncompressedSize);
        Assert.False(archive.BombSuspected);
        Assert.Equal(["../evil.sh"], archive.PathTraversal);
        Assert.Equal(["inner.zip"], archive.NestedArchives);
        Assert.Contains(report.Findings, f => f.Rule == "forensics.archive-path-traversal" && f.Severity == Severity.High);
        Assert.Equal("docx", document.Type.Name);
        Assert.False(document.Type.ExtensionMismatch);
    }

    [Fact]
    public async Task Zip_bomb_is_reported_from_its_headers_and_never_expanded()
    {
        var bomb = Zip(("zeros.bin", new byte[50 * 1024 * 1024]));
        // Spoil the compressed data while keeping every header intact: listing still works, expanding would throw.
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bomb.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bomb.AsSpan(28));
        bomb.AsSpan(30 + nameLength + extraLength, 64).Fill(0xFF);
        var path = _files.Write("bomb.zip", bomb);
        var options = new ForensicsOptions { MaxTotalUncompressedBytes = 10 * 1024 * 1024, MaxCompressionRatio = 100 };

        var report = await AnalyzeAsync(path, options);

        var archive = report.Archive!;
        Assert.True(archive.BombSuspected);
        Assert.Equal(50 * 1024 * 1024, archive.TotalUncompressedBytes);
        Assert.InRange(archive.MaxRatio, 500, 2000);
        Assert.Equal(2, archive.BombReasons.Count);
        Assert.Contains(report.Findings, f => f.Rule == "forensics.archive-bomb" && f.Severity == Severity.High);
        Assert.True(bomb.Length < 100_000);
        using var zip = ZipFile.OpenRead(path);
        Assert.Throws<InvalidDataException>(() => zip.Entries[0].Open().CopyTo(Stream.Null));
    }

    [Fact]
    public async Task Gzip_bomb_is_reported_from_its_trailer()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[20 * 1024 * 1024]);
        }

        var report = await AnalyzeAsync(_files.Write("logs.gz", compressed.ToArray()));

        Assert.Equal("gzip", report.Type.Name);
        Assert.Equal(20 * 1024 * 1024, report.Archive!.TotalUncompressedBytes);
        Assert.True(report.Archive.BombSuspected);
    }

    [Fact]
    public async Task Elf_header_facts_of_bin_ls_match_readelf()
    {
        var path = _files.Copy("/bin/ls", "ls");

        var report = await AnalyzeAsync(path);

        var elf = report.Elf!;
        Assert.Equal("elf", report.Type.Name);
        Assert.False(report.Type.ExtensionMismatch);
        var readelf = ReadElfHeader(path);
        Assert.Equal(64, elf.Class);
        Assert.Equal("little", elf.Endianness);
        Assert.Equal("x86-64", elf.Machine);
        Assert.Equal("DYN", elf.Type);
        Assert.Equal(int.Parse(readelf["Number of section headers"], System.Globalization.CultureInfo.InvariantCulture), elf.SectionHeaderCount);
        Assert.Equal(int.Parse(readelf["Number of program headers"], System.Globalization.CultureInfo.InvariantCulture), elf.ProgramHeaderCount);
        Assert.Equal(Convert.ToUInt64(readelf["Entry point address"], 16), elf.Entry);
        Assert.Equal(Tool("sha256sum", path), report.Hashes.Sha256);
        Assert.Contains(report.Findings, f => f.Rule == "forensics.executable" && f.Severity == Severity.Info);
        Assert.InRange(report.Entropy.Overall, 4.5, 7.0);
    }

    [Fact]
    public async Task Pe_facts_of_a_managed_dll_list_machine_sections_and_the_mscoree_import()
    {
        var path = _files.Copy(typeof(ForensicsAnalyzer).Assembly.Location, "Amas.Orleans.Grains.dll");

        var report = await AnalyzeAsync(path);

        var pe = report.Pe!;
        Assert.Equal("pe", report.Type.Name);
        Assert.False(report.Type.ExtensionMismatch);
        Assert.Equal("I386", pe.Machine);
        Assert.True(pe.IsDll);
        Assert.True(pe.IsManaged);
        Assert.True(pe.IsILOnly);
        Assert.Contains(".text", pe.Sections.Select(s => s.Name));
        var import = Assert.Single(pe.Imports);
        Assert.Equal("mscoree.dll", import.Dll);
        Assert.Equal(["_CorDllMain"], import.Functions);
        Assert.Equal(Tool("sha256sum", path), report.Hashes.Sha256);
    }

    [Fact]
    public async Task Ready_to_run_framework_image_reports_the_native_machine()
    {
        var report = await AnalyzeAsync(_files.Copy(typeof(object).Assembly.Location, "System.Private.CoreLib.dll"));

        Assert.Equal("Amd64 (ReadyToRun, Linux)", report.Pe!.Machine);
        Assert.True(report.Pe.IsManaged);
    }

    [Fact]
    public async Task Executable_under_a_document_extension_is_a_high_severity_mismatch()
    {
        var report = await AnalyzeAsync(_files.Copy(typeof(ForensicsAnalyzer).Assembly.Location, "invoice.txt"));

        Assert.True(report.Type.ExtensionMismatch);
        Assert.Contains(report.Findings, f => f.Rule == "forensics.extension-mismatch" && f.Severity == Severity.High);
    }

    [Fact]
    public void Strings_are_found_in_ascii_and_utf16le_at_any_offset_across_buffers()
    {
        var strings = new PrintableStrings(6, 100);
        var utf16 = Encoding.Unicode.GetBytes("WriteProcessMemory");
        var data = new byte[] { 0, 1 }.Concat("hello world"u8.ToArray()).Concat(new byte[] { 0, 7 }).Concat(utf16).Concat(new byte[] { 1, 0, 0, 5 }).Concat("abcde"u8.ToArray()).ToArray();

        // One byte at a time: runs must survive every chunk boundary.
        foreach (var b in data)
        {
            strings.Feed([b]);
        }

        strings.Finish();
        Assert.Equal([(2L, "ascii", "hello world"), (15L, "utf-16le", "WriteProcessMemory")], strings.Strings.Select(s => (s.Offset, s.Encoding, s.Value)));
    }

    [Fact]
    public void Entropy_is_zero_for_one_repeated_byte_and_eight_for_a_uniform_histogram()
    {
        var flat = new long[256];
        flat[65] = 1000;
        Assert.Equal(0, ContentScanner.Entropy(flat, 1000));
        Assert.Equal(8, ContentScanner.Entropy(Enumerable.Repeat(4L, 256).ToArray(), 1024));
    }

    private static Dictionary<string, string> ReadElfHeader(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("readelf", ["-h", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n');
        process.WaitForExit();
        return lines.Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .GroupBy(p => p[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim().Split(' ')[0]);
    }

    public void Dispose() => _files.Dispose();
}
