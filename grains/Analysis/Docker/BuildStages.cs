using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Splits a Dockerfile's instructions at each FROM and resolves the FROM lines' images and aliases.</summary>
internal static partial class BuildStages
{
    // ${NAME}, ${NAME:-default}, ${NAME:+alternative} and $NAME: the forms BuildKit expands in FROM.
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:[-+])(?<word>[^}]*))?\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();

    public static (List<DockerInstruction> GlobalArgs, List<BuildStage> Stages) Group(
        List<DockerInstruction> instructions,
        List<ParseDiagnostic> diagnostics)
    {
        var globalArgs = new List<DockerInstruction>();
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<BuildStage>();
        var position = 0;
        while (position < instructions.Count && !instructions[position].Is("FROM"))
        {
            var instruction = instructions[position++];
            if (instruction.Is("ARG"))
            {
                globalArgs.Add(instruction);
                foreach (var (name, value) in KeyValueArguments.Read(instruction.Arguments))
                {
                    defaults[name] = value;
                }
            }
            else
            {
                diagnostics.Add(new ParseDiagnostic(
                    instruction.StartLine, $"{instruction.Keyword} comes before the first FROM.", instruction.Text));
            }
        }

        while (position < instructions.Count)
        {
            var from = instructions[position++];
            var body = new List<DockerInstruction>();
            while (position < instructions.Count && !instructions[position].Is("FROM"))
            {
                body.Add(instructions[position++]);
            }

            stages.Add(CreateStage(stages, from, body, defaults, diagnostics));
        }

        return (globalArgs, stages);
    }

    private static BuildStage CreateStage(
        List<BuildStage> earlier,
        DockerInstruction from,
        List<DockerInstruction> body,
        Dictionary<string, string?> defaults,
        List<ParseDiagnostic> diagnostics)
    {
        var words = from.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string? name = null;
        if (words.Length == 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            name = words[2].ToLowerInvariant();
        }
        else if (words.Length != 1)
        {
            diagnostics.Add(new ParseDiagnostic(
                from.StartLine, "FROM takes an image and optionally 'AS name'.", from.Text));
        }

        var text = words.Length > 0 ? words[0] : "";
        var image = ImageReference.Parse(text, Substitute(text, defaults));
        var baseStage = earlier.FindLast(s => s.Name is not null
            && string.Equals(s.Name, image.Resolved, StringComparison.OrdinalIgnoreCase))?.Index;
        return new BuildStage(earlier.Count, from, image, name, from.Flag("platform"), baseStage, body);
    }

    private static string Substitute(string text, Dictionary<string, string?> defaults) =>
        Variable().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            var value = defaults.GetValueOrDefault(name);
            var set = !string.IsNullOrEmpty(value);
            return match.Groups["op"].Value switch
            {
                ":-" => set ? value! : match.Groups["word"].Value,
                ":+" => set ? match.Groups["word"].Value : "",
                _ => set ? value! : match.Value,
            };
        });
}
