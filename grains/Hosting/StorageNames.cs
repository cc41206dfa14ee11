namespace Amas.Orleans.Hosting;

/// <summary>The grain storage providers the grains use; the silo host binds each to memory or PostgreSQL.</summary>
public static class StorageNames
{
    public const string Tasks = "tasks";
    public const string Agents = "agents";
}
