using System.Text;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// A shell script split into simple commands at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c> and line
/// breaks, respecting quotes. Enough of POSIX sh to ask "which programs run with which arguments"; it does not expand
/// anything, and subshell parentheses and braces are dropped rather than nested.
/// </summary>
public sealed class ShellScript
{
    private ShellScript(string text, IReadOnlyList<ShellCommand> commands)
    {
        Text = text;
        Commands = commands;
    }

    public string Text { get; }

    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>Whether any command pipes into another (a <c>|</c> outside quotes, not <c>||</c>).</summary>
    public bool HasPipe => Commands.Any(c => c.PipesInto);

    public bool Contains(string text) => Text.Contains(text, StringComparison.Ordinal);

    public static ShellScript Parse(string text)
    {
        var commands = new List<ShellCommand>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand(bool pipes)
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(new ShellCommand([.. words], pipes));
                words.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < text.Length:
                    // An escaped line break inside a heredoc body continues the command.
                    if (text[i + 1] != '\n')
                    {
                        word.Append(text[i + 1]);
                        inWord = true;
                    }

                    i++;
                    break;
                case '#' when !inWord:
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '|':
                    var isOr = i + 1 < text.Length && text[i + 1] == '|';
                    EndCommand(pipes: !isOr);
                    i += isOr ? 1 : 0;
                    break;
                case '&' when word.Length > 0 && word[^1] is '>' or '<':
                    // A redirection such as 2>&1, not a background operator.
                    word.Append(c);
                    break;
                case '&' or ';' or '\n' or '(' or ')' or '`':
                    EndCommand(pipes: false);
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                case '{' or '}' when !inWord && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == ';'):
                    EndCommand(pipes: false);
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        EndCommand(pipes: false);
        return new ShellScript(text, commands);
    }

    public override string ToString() => Text;
}
