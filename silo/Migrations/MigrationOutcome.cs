namespace Amas.Orleans.Silo.Migrations;

public enum MigrationAction
{
    /// <summary>This run applied the migration.</summary>
    Applied,

    /// <summary>The migration was already applied, with the same checksum.</summary>
    Skipped,
}

/// <summary>What one run did with one migration.</summary>
public sealed record MigrationOutcome(int Version, string Name, MigrationAction Action);
