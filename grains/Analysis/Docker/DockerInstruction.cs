namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// One Dockerfile instruction after continuation lines were joined and heredoc bodies were read.
/// </summary>
/// <param name="Keyword">Upper case (FROM, RUN, …) whatever case the file used.</param>
/// <param name="Arguments">
/// Everything after the keyword and its flags, continuation lines joined the way BuildKit joins them (escape and line
/// break removed, nothing inserted), heredoc markers kept.
/// </param>
/// <param name="Flags">Leading <c>--name[=value]</c> options of FROM, RUN, COPY, ADD and HEALTHCHECK.</param>
/// <param name="ExecForm">The JSON array of exec form (<c>CMD ["nginx", "-g"]</c>); null for shell form.</param>
/// <param name="StartLine">1-based line of the keyword.</param>
/// <param name="EndLine">1-based last line, heredoc terminators included.</param>
public sealed record DockerInstruction(
    string Keyword,
    string Arguments,
    IReadOnlyList<DockerFlag> Flags,
    IReadOnlyList<string>? ExecForm,
    IReadOnlyList<DockerHeredoc> Heredocs,
    int StartLine,
    int EndLine)
{
    public bool IsExecForm => ExecForm is not null;

    /// <summary>The instruction on one line with runs of whitespace collapsed: what findings quote and fingerprint.</summary>
    public string Text
    {
        get
        {
            var flags = string.Concat(Flags.Select(f => f.ToString() + " "));
            var words = $"{Keyword} {flags}{Arguments}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', words);
        }
    }

    public string? Flag(string name) =>
        Flags.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    public bool Is(string keyword) => string.Equals(Keyword, keyword, StringComparison.Ordinal);

    public override string ToString() => Text;
}
