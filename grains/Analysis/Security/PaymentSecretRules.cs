using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Payment and commerce platforms: keys that move money. Test-mode keys (Stripe's sk_test_, Braintree's sandbox) are
/// left out on purpose: they are published in tutorials and cannot charge a card.
/// </summary>
internal static class PaymentSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/stripe-live-key",
            Description = "Stripe live secret or restricted key",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""\b(?<secret>(?:sk|rk)_live_[A-Za-z0-9]{24,99})\b"""),
            Keywords = ["sk_live_", "rk_live_"],
        };
        yield return new SecretRule
        {
            Id = "secret/stripe-webhook-secret",
            Description = "Stripe webhook signing secret",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>whsec_[A-Za-z0-9]{32,64})\b"""),
            Keywords = ["whsec_"],
        };
        yield return new SecretRule
        {
            Id = "secret/square-access-token",
            Description = "Square access token",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""\b(?<secret>EAAA[A-Za-z0-9_\-]{60}|sq0atp-[A-Za-z0-9_\-]{22})""" + TokenEnd),
            Keywords = ["EAAA", "sq0atp-"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/square-oauth-secret",
            Description = "Square OAuth application secret",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>sq0csp-[A-Za-z0-9_\-]{43})""" + TokenEnd),
            Keywords = ["sq0csp-"],
        };
        yield return new SecretRule
        {
            Id = "secret/braintree-access-token",
            Description = "PayPal Braintree production access token",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""\b(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})\b"""),
            Keywords = ["access_token$production$"],
        };
        yield return new SecretRule
        {
            Id = "secret/shopify-token",
            Description = "Shopify access token or shared secret",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b"""),
            Keywords = ["shpat_", "shpca_", "shppa_", "shpss_"],
        };
    }
}
