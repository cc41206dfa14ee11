using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static void Payment(Sample sample)
    {
        sample("secret/stripe-live-key", "Stripe.ApiKey = {0};", "sk_" + "live_" + Alnum(24));
        sample("secret/stripe-live-key", "key {0}", "rk_" + "live_" + Alnum(32, 5));
        sample("secret/stripe-webhook-secret", "STRIPE_WEBHOOK={0}", "whsec_" + Alnum(32));
        sample("secret/square-access-token", "SQUARE={0}", "EAAA" + Of(UrlSafe, 60));
        sample("secret/square-access-token", "SQUARE={0}", "sq0atp-" + Of(UrlSafe, 22, 3));
        sample("secret/square-oauth-secret", "SQUARE_SECRET={0}", "sq0csp-" + Of(UrlSafe, 43));
        sample("secret/braintree-access-token", "BRAINTREE={0}",
            "access_token$" + "production$" + Of(Lower + Digits, 16) + "$" + Of(Hex, 32));
        sample("secret/shopify-token", "SHOPIFY={0}", "shpat_" + Of(Hex, 32));
    }

    private static IEnumerable<(string Rule, string Text)> PaymentMisses()
    {
        yield return ("secret/stripe-live-key", "Stripe.ApiKey = sk_" + "test_" + Alnum(24) + ";");
        yield return ("secret/stripe-live-key", "key rk_" + "test_" + Alnum(32, 5));
        yield return ("secret/stripe-live-key", "publishable pk_" + "live_" + Alnum(24));
        yield return ("secret/stripe-webhook-secret", "STRIPE_WEBHOOK=whsec_" + Alnum(16));
        yield return ("secret/square-access-token", "SQUARE=EAAA" + Of(UrlSafe, 30));
        yield return ("secret/square-oauth-secret", "SQUARE_SECRET=sq0csp-" + Of(UrlSafe, 20));
        yield return ("secret/braintree-access-token",
            "BRAINTREE=access_token$" + "sandbox$" + Of(Lower + Digits, 16) + "$" + Of(Hex, 32));
        yield return ("secret/shopify-token", "SHOPIFY=shpat_" + Of(Hex, 20));
    }
}
