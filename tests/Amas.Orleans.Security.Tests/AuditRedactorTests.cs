using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Security.Tests;

public sealed class AuditRedactorTests
{
    private readonly AuditRedactor _redactor = new();

    [Fact]
    public void Credentials_are_redacted_with_the_scanners_rules_and_our_own_keys()
    {
        var key = ApiKeySecrets.NewKey();
        var text = $"aws {SampleRepository.AwsAccessKeyId} gh {SampleRepository.GitHubToken} ours {key}";

        var redacted = _redactor.Redact(text);

        Assert.DoesNotContain(SampleRepository.AwsAccessKeyId, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleRepository.GitHubToken, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(key, redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted secret/amas-api-key]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mail jane.doe+x@mail.example.co.uk now", "mail [redacted email] now")]
    [InlineData("call +1 650-253-0000 today", "call [redacted phone] today")]
    [InlineData("call \uFF0B1 650-253-0000 today", "call [redacted phone] today")]
    [InlineData("call 1 650-253-0000 today", "call 1 650-253-0000 today")]
    [InlineData("/api/v1/tasks/0193a5b2-1234-7456-8901-234567890123", "/api/v1/tasks/0193a5b2-1234-7456-8901-234567890123")]
    [InlineData("limit 20250101 items", "limit 20250101 items")]
    public void Personal_data_is_redacted_and_ids_and_numbers_are_kept(string text, string expected)
        => Assert.Equal(expected, _redactor.Redact(text));

    [Fact]
    public void Control_characters_are_spelled_out_lone_surrogates_replaced_and_long_text_capped()
    {
        Assert.Equal("a\\u000D\\u000Ab\\u0000c", AuditRedactor.Clean("a\r\nb\0c"));
        Assert.Equal("x\uFFFDy", AuditRedactor.Clean("x\ud800y"));
        Assert.Equal("😀", AuditRedactor.Clean("😀"));
        var capped = AuditRedactor.Clean(new string('z', 5000));
        Assert.StartsWith(new string('z', AuditRedactor.MaxValueLength), capped, StringComparison.Ordinal);
        Assert.EndsWith("…[truncated]", capped, StringComparison.Ordinal);
    }
}
