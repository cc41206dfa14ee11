namespace Amas.Orleans.Silo.Migrations;

/// <summary>One versioned schema script. <see cref="Checksum"/> identifies its text once applied.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
