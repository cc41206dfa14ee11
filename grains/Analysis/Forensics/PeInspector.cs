using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record PeSection(string Name, int VirtualSize, int RawSize, bool Readable, bool Writable, bool Executable, double Entropy);

public sealed record PeImport(string Dll, IReadOnlyList<string> Functions);

public sealed record PeFacts(
    string Machine,
    bool IsPe32Plus,
    bool IsDll,
    string Subsystem,
    uint TimeDateStamp,
    bool IsManaged,
    bool IsILOnly,
    int EntryPointRva,
    IReadOnlyList<PeSection> Sections,
    IReadOnlyList<PeImport> Imports);

/// <summary>
/// PE header facts through System.Reflection.PortableExecutable; the native import table, which that API does not
/// decode, is walked by hand (import descriptors → thunks → hint/name entries) over the sections' data.
/// </summary>
public static class PeInspector
{
    private const int MaxDlls = 512;
    private const int MaxFunctions = 20_000;

    // ReadyToRun images built for a non-Windows OS XOR the machine with an OS marker.
    private static readonly (ushort Marker, string Os)[] ReadyToRunOs = [(0x7B79, "Linux"), (0x4644, "macOS"), (0x1993, "FreeBSD"), (0xADC4, "NetBSD")];

    /// <summary>Null when the stream is not a PE image (an MZ stub without a valid PE header, say).</summary>
    public static PeFacts? Inspect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new PEReader(stream, PEStreamOptions.LeaveOpen);
            var headers = reader.PEHeaders;
            if (headers.PEHeader is null)
            {
                return null;
            }

            var pe = headers.PEHeader;
            var coff = headers.CoffHeader;
            var sections = headers.SectionHeaders.Select(s => new PeSection(
                s.Name,
                s.VirtualSize,
                s.SizeOfRawData,
                s.SectionCharacteristics.HasFlag(SectionCharacteristics.MemRead),
                s.SectionCharacteristics.HasFlag(SectionCharacteristics.MemWrite),
                s.SectionCharacteristics.HasFlag(SectionCharacteristics.MemExecute),
                SectionEntropy(reader, s))).ToList();
            return new PeFacts(
                MachineName(coff.Machine),
                pe.Magic == PEMagic.PE32Plus,
                coff.Characteristics.HasFlag(Characteristics.Dll),
                pe.Subsystem.ToString(),
                unchecked((uint)coff.TimeDateStamp),
                headers.CorHeader is not null,
                headers.CorHeader?.Flags.HasFlag(CorFlags.ILOnly) ?? false,
                pe.AddressOfEntryPoint,
                sections,
                ReadImports(reader, pe));
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or ArgumentOutOfRangeException or EndOfStreamException)
        {
            return null;
        }
    }

    private static string MachineName(Machine machine)
    {
        if (Enum.IsDefined(machine))
        {
            return machine.ToString();
        }

        foreach (var (marker, os) in ReadyToRunOs)
        {
            var native = (Machine)((ushort)machine ^ marker);
            if (Enum.IsDefined(native) && native != Machine.Unknown)
            {
                return $"{native} (ReadyToRun, {os})";
            }
        }

        return $"0x{(ushort)machine:X4}";
    }

    private static double SectionEntropy(PEReader reader, SectionHeader section)
    {
        if (section.SizeOfRawData == 0)
        {
            return 0;
        }

        var histogram = new long[256];
        var data = reader.GetSectionData(section.VirtualAddress);
        var length = Math.Min(data.Length, section.SizeOfRawData);
        var bytes = data.GetContent(0, length);
        foreach (var b in bytes)
        {
            histogram[b]++;
        }

        return ContentScanner.Entropy(histogram, bytes.Length);
    }

    private static List<PeImport> ReadImports(PEReader reader, PEHeader pe)
    {
        var imports = new List<PeImport>();
        var directory = pe.ImportTableDirectory;
        if (directory.Size == 0 || directory.RelativeVirtualAddress == 0)
        {
            return imports;
        }

        var is64 = pe.Magic == PEMagic.PE32Plus;
        var descriptors = reader.GetSectionData(directory.RelativeVirtualAddress).GetReader();
        var functionCount = 0;
        while (descriptors.RemainingBytes >= 20 && imports.Count < MaxDlls)
        {
            var originalFirstThunk = descriptors.ReadInt32();
            descriptors.ReadInt32(); // time stamp
            descriptors.ReadInt32(); // forwarder chain
            var nameRva = descriptors.ReadInt32();
            var firstThunk = descriptors.ReadInt32();
            if (originalFirstThunk == 0 && nameRva == 0 && firstThunk == 0)
            {
                break;
            }

            var functions = new List<string>();
            var thunkRva = originalFirstThunk != 0 ? originalFirstThunk : firstThunk;
            var thunks = reader.GetSectionData(thunkRva).GetReader();
            while (thunks.RemainingBytes >= (is64 ? 8 : 4) && functionCount < MaxFunctions)
            {
                var value = is64 ? thunks.ReadUInt64() : thunks.ReadUInt32();
                if (value == 0)
                {
                    break;
                }

                var byOrdinal = is64 ? (value & 0x8000_0000_0000_0000UL) != 0 : (value & 0x8000_0000UL) != 0;
                functions.Add(byOrdinal ? $"#{value & 0xFFFF}" : ReadAscii(reader, (int)(value & 0x7FFF_FFFF) + 2));
                functionCount++;
            }

            imports.Add(new PeImport(ReadAscii(reader, nameRva), functions));
        }

        return imports;
    }

    private static string ReadAscii(PEReader reader, int rva)
    {
        var blob = reader.GetSectionData(rva).GetReader();
        var builder = new StringBuilder();
        while (blob.RemainingBytes > 0 && builder.Length < 256)
        {
            var b = blob.ReadByte();
            if (b == 0)
            {
                break;
            }

            builder.Append((char)b);
        }

        return builder.ToString();
    }
}
