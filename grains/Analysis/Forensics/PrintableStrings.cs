using System.Text;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record ExtractedString(long Offset, string Encoding, string Value);

/// <summary>
/// Runs of printable ASCII (0x20–0x7E and tab) and of UTF-16LE code units with such a low byte and a zero high byte,
/// as <c>strings -el</c> finds them, fed chunk by chunk so a run may cross chunk boundaries. UTF-16 runs are
/// tracked for both byte parities, since a string may start at an odd offset.
/// </summary>
public sealed class PrintableStrings(int minLength, int maxStrings)
{
    private const int MaxStringChars = 1024;
    private readonly List<ExtractedString> _strings = [];
    private readonly Run _ascii = new();
    private readonly Run[] _utf16 = [new(), new()];
    private long _position;
    private int _previous = -1;

    public IReadOnlyList<ExtractedString> Strings => _strings;

    /// <summary>All runs found, including those past <c>maxStrings</c>.</summary>
    public long Total { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            if (IsPrintable(b))
            {
                _ascii.Append(b, _position);
            }
            else
            {
                Flush(_ascii, "ascii");
            }

            if (_previous >= 0)
            {
                // The code unit (previous, b) starts at _position - 1; its run is the one of that parity.
                var run = _utf16[(int)((_position - 1) & 1)];
                if (IsPrintable((byte)_previous) && b == 0)
                {
                    run.Append((byte)_previous, _position - 1);
                }
                else
                {
                    Flush(run, "utf-16le");
                }
            }

            _previous = b;
            _position++;
        }
    }

    public void Finish()
    {
        Flush(_ascii, "ascii");
        Flush(_utf16[0], "utf-16le");
        Flush(_utf16[1], "utf-16le");
        _strings.Sort((a, b) => a.Offset.CompareTo(b.Offset));
    }

    private static bool IsPrintable(byte b) => b is >= 0x20 and <= 0x7E or (byte)'\t';

    private void Flush(Run run, string encoding)
    {
        if (run.Length >= minLength)
        {
            Total++;
            if (_strings.Count < maxStrings)
            {
                _strings.Add(new ExtractedString(run.Start, encoding, run.Text.ToString()));
            }
        }

        run.Reset();
    }

    private sealed class Run
    {
        public StringBuilder Text { get; } = new();

        public long Start { get; private set; } = -1;

        public int Length { get; private set; }

        public void Append(byte b, long offset)
        {
            if (Length == 0)
            {
                Start = offset;
            }

            if (Length < MaxStringChars)
            {
                Text.Append((char)b);
            }

            Length++;
        }

        public void Reset()
        {
            Text.Clear();
            Length = 0;
            Start = -1;
        }
    }
}
