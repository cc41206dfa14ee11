namespace Amas.Orleans.Silo.Migrations;

/// <summary>
/// An applied migration's script has changed since. Applied scripts are history: the fix is a new migration,
/// never an edit, so the runner refuses to go on rather than leave the schema and the scripts disagreeing.
/// </summary>
public sealed class MigrationChecksumMismatchException : Exception
{
    public MigrationChecksumMismatchException(int version, string name, string appliedChecksum, string currentChecksum)
        : base($"Migration {version:D4}_{name} was applied with checksum {appliedChecksum}, but its script now has checksum " +
               $"{currentChecksum}. Applied migrations must not change: restore the original script and put the change in a new migration.")
    {
        Version = version;
        Name = name;
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = currentChecksum;
    }

    public int Version { get; }

    public string Name { get; }

    public string AppliedChecksum { get; }

    public string CurrentChecksum { get; }
}
