namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// The built-in rules, one family per file. Order matters where two specific rules can match the same secret (the
/// earlier wins): routable GitLab tokens before plain ones, Anthropic keys before the looser "sk-" shape, Sentry DSNs
/// and database URLs before the any-scheme URL rule, and the generic assignment last.
/// </summary>
internal static class DefaultSecretRules
{
    public static IEnumerable<SecretRule> Create() =>
        CloudSecretRules.Create()
            .Concat(SourceControlSecretRules.Create())
            .Concat(MessagingSecretRules.Create())
            .Concat(PaymentSecretRules.Create())
            .Concat(RegistrySecretRules.Create())
            .Concat(ServiceSecretRules.Create())
            .Concat(KeyAndUrlSecretRules.Create());
}
