using System.Buffers.Binary;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record ElfFacts(
    int Class,
    string Endianness,
    string OsAbi,
    string Type,
    string Machine,
    ulong Entry,
    int ProgramHeaderCount,
    int SectionHeaderCount);

/// <summary>The ELF file header (System V ABI): class, byte order, ABI, type, machine, entry point, header counts.</summary>
public static class ElfInspector
{
    private static readonly Dictionary<int, string> Machines = new()
    {
        [0x02] = "SPARC", [0x03] = "x86", [0x08] = "MIPS", [0x14] = "PowerPC", [0x15] = "PowerPC64", [0x16] = "S390",
        [0x28] = "ARM", [0x2B] = "SPARC V9", [0x32] = "IA-64", [0x3E] = "x86-64", [0xB7] = "AArch64",
        [0xF3] = "RISC-V", [0xF7] = "BPF", [0x102] = "LoongArch",
    };

    private static readonly string[] Types = ["NONE", "REL", "EXEC", "DYN", "CORE"];

    /// <param name="header">At least the first 64 bytes of the file.</param>
    public static ElfFacts? Inspect(ReadOnlySpan<byte> header)
    {
        if (header.Length < 64 || !header[..4].SequenceEqual("\u007FELF"u8))
        {
            return null;
        }

        var elfClass = header[4];
        var little = header[5] == 1;
        if (elfClass is not (1 or 2) || header[5] is not (1 or 2))
        {
            return null;
        }

        var bytes = header[..64].ToArray();
        ushort U16(int offset) => little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset));
        uint U32(int offset) => little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
        ulong U64(int offset) => little ? BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(offset));

        var type = U16(16);
        var machine = U16(18);
        var is64 = elfClass == 2;
        return new ElfFacts(
            is64 ? 64 : 32,
            little ? "little" : "big",
            bytes[7] switch { 0 => "System V", 3 => "Linux", 9 => "FreeBSD", 12 => "OpenBSD", 6 => "Solaris", var abi => $"0x{abi:X2}" },
            type < Types.Length ? Types[type] : $"0x{type:X4}",
            Machines.GetValueOrDefault(machine, $"0x{machine:X4}"),
            is64 ? U64(24) : U32(24),
            is64 ? U16(56) : U16(44),
            is64 ? U16(60) : U16(48));
    }
}
