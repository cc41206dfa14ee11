namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// A package identity that compares the way its registry does: NuGet ids ignore case, PyPI names are normalised
/// per PEP 503 (Flask_SQLAlchemy is flask-sqlalchemy), the others are exact.
/// </summary>
public readonly record struct PackageKey
{
    public PackageKey(Ecosystem ecosystem, string name)
    {
        Ecosystem = ecosystem;
        Name = Normalize(ecosystem, name);
    }

    public Ecosystem Ecosystem { get; }

    public string Name { get; }

    public static string Normalize(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.NuGet => name.Trim().ToLowerInvariant(),
        Ecosystem.PyPI => NormalizePython(name),
        _ => name.Trim(),
    };

    private static string NormalizePython(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var pendingSeparator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append('-');
                pendingSeparator = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
