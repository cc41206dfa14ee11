namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// How many letters of each writing system a text holds. Kana is unique to Japanese and Han is shared by Chinese and
/// Japanese, so the script alone settles Chinese against Japanese before any n-gram is counted.
/// </summary>
public readonly record struct ScriptCounts(int Latin, int Han, int Kana, int Other)
{
    public int Cjk => Han + Kana;

    public int Letters => Latin + Han + Kana + Other;

    public static ScriptCounts Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int latin = 0, han = 0, kana = 0, other = 0;
        foreach (var c in text)
        {
            if (IsKana(c))
            {
                kana++;
            }
            else if (IsHan(c))
            {
                han++;
            }
            else if (char.IsLetter(c))
            {
                if (c <= '\u024F' || (c >= '\u1E00' && c <= '\u1EFF'))
                {
                    latin++;
                }
                else
                {
                    other++;
                }
            }
        }

        return new ScriptCounts(latin, han, kana, other);
    }

    // Hiragana, Katakana, Katakana phonetic extensions and half-width Katakana; the prolonged-sound mark ー (U+30FC) is inside.
    public static bool IsKana(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9D';

    // CJK Unified Ideographs, Extension A and compatibility ideographs; rarer extensions sit outside the BMP and are
    // not needed to tell two languages apart.
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
