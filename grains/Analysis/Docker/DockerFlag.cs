namespace Amas.Orleans.Analysis.Docker;

/// <summary>An instruction option such as <c>--from=build</c> or <c>--mount=type=cache,target=/root/.cache</c>.</summary>
/// <param name="Name">Without the leading dashes.</param>
/// <param name="Value">Null for a bare switch (<c>--link</c>).</param>
public sealed record DockerFlag(string Name, string? Value)
{
    public override string ToString() => Value is null ? $"--{Name}" : $"--{Name}={Value}";
}
