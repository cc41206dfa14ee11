namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// What an orchestrate task with the real agents costs on the local cluster (deploy/local/cluster.sh) of
/// <see cref="Silos"/> silo processes: CPU of the silos and of the gateway process (their idle rate taken off), and PostgreSQL row writes
/// (inserts, updates, deletes from <c>pg_stat_user_tables</c>, every table), per task.
/// </summary>
public sealed record ClusterCost(int Silos, int Tasks, double SiloCpuSecondsPerTask, double GatewayCpuSecondsPerTask,
    double RowWritesPerTask, double StorageRowWritesPerTask, double Seconds, double SiloIdleCpuPerSecond)
{
    public double TasksPerSecond => Tasks / Seconds;
}
