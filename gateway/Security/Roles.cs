namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// The three roles of design §5. Each includes the ones before it: an operator may read, an admin may do anything.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>The roles that satisfy <paramref name="role"/>: itself and every role above it.</summary>
    public static IReadOnlyList<string> AtLeast(string role) => All.Skip(All.ToList().IndexOf(role)).ToArray();
}

/// <summary>The authorization policies endpoints name; one per role, satisfied by that role or a higher one.</summary>
public static class AmasPolicies
{
    public const string Viewer = "amas-viewer";
    public const string Operator = "amas-operator";
    public const string Admin = "amas-admin";

    public static string For(string role) => role switch
    {
        Roles.Viewer => Viewer,
        Roles.Operator => Operator,
        Roles.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };
}
