namespace Amas.Orleans.Analysis.Tests.Security;

/// <summary>
/// For each default rule: texts it must flag (with the secret inside) and near misses it must not. The samples live
/// in one file per rule family, like the rules.
/// </summary>
public static partial class SecretSamples
{
    /// <summary>Adds a flagged sample: the template with "{0}" replaced by the secret.</summary>
    private delegate void Sample(string rule, string template, string secret);

    public static TheoryData<string, string, string> Flagged
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            void Add(string rule, string template, string secret) =>
                data.Add(rule, template.Replace("{0}", secret, StringComparison.Ordinal), secret);

            Cloud(Add);
            SourceControl(Add);
            Messaging(Add);
            Payment(Add);
            Registry(Add);
            Service(Add);
            KeyAndUrl(Add);
            return data;
        }
    }

    public static TheoryData<string, string> NearMisses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (rule, text) in CloudMisses().Concat(SourceControlMisses()).Concat(MessagingMisses())
                .Concat(PaymentMisses()).Concat(RegistryMisses()).Concat(ServiceMisses()).Concat(KeyAndUrlMisses()))
            {
                data.Add(rule, text);
            }

            return data;
        }
    }

    private static string Uuid(int seed) =>
        FakeSecret.Of(FakeSecret.Hex, 8, seed) + "-" + FakeSecret.Of(FakeSecret.Hex, 4, seed + 1) + "-"
        + FakeSecret.Of(FakeSecret.Hex, 4, seed + 2) + "-" + FakeSecret.Of(FakeSecret.Hex, 4, seed + 3) + "-"
        + FakeSecret.Of(FakeSecret.Hex, 12, seed + 4);
}
