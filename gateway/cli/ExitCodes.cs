namespace Amas.Orleans.Cli;

/// <summary>What the process exit code means, so a CI pipeline can tell a finding from a broken call.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The task has findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;
    /// <summary>The command line itself is wrong (unknown option, missing argument, conflicting options).</summary>
    public const int Usage = 2;
    /// <summary>The gateway could not be reached or refused the request (401, 400, 404, 5xx…).</summary>
    public const int Api = 3;
    /// <summary>The task ended failed or cancelled.</summary>
    public const int TaskUnsuccessful = 4;
}
