namespace Amas.Orleans.Cli;

/// <summary>A command line that parses but makes no sense (e.g. both <c>--path</c> and <c>--git</c>).</summary>
public sealed class UsageException(string message) : Exception(message);
