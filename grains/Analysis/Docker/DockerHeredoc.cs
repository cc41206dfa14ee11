namespace Amas.Orleans.Analysis.Docker;

/// <summary>A here-document of RUN, COPY or ADD (<c>RUN &lt;&lt;EOF … EOF</c>).</summary>
/// <param name="Delimiter">The terminating word, without quotes.</param>
/// <param name="Body">The lines between marker and terminator, each ending in a line break; tabs stripped for <c>&lt;&lt;-</c>.</param>
/// <param name="StripsTabs">Written <c>&lt;&lt;-EOF</c>.</param>
/// <param name="Quoted">Written <c>&lt;&lt;"EOF"</c> or <c>&lt;&lt;'EOF'</c>: the shell expands nothing in the body.</param>
/// <param name="StartLine">1-based line of the body's first line.</param>
/// <param name="EndLine">1-based line of the terminator.</param>
public sealed record DockerHeredoc(
    string Delimiter,
    string Body,
    bool StripsTabs,
    bool Quoted,
    int StartLine,
    int EndLine);
