namespace Amas.Orleans.Analysis.Docker;

/// <summary>What a rule reports before it becomes a finding.</summary>
/// <param name="Anchor">The content the finding's id is derived from, so the id survives the line moving.</param>
/// <param name="Evidence">The text shown to the reader; secrets already redacted.</param>
public sealed record DockerViolation(int Line, int EndLine, string Message, string Evidence, string Anchor, string? Fix = null)
{
    /// <summary>The longest evidence quoted: a fifty-line RUN helps nobody in a report.</summary>
    public const int MaxEvidence = 240;

    public static DockerViolation At(DockerInstruction instruction, string message, string? fix = null)
    {
        var text = instruction.Text;
        var evidence = text.Length <= MaxEvidence ? text : string.Concat(text.AsSpan(0, MaxEvidence - 1), "…");
        return new DockerViolation(instruction.StartLine, instruction.EndLine, message, evidence, text, fix);
    }
}
