using Amas.Orleans.Analysis.Security;
using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public sealed class SecretValueTests
{
    [Theory]
    [InlineData(20, "AKIA****************")]
    [InlineData(8, "ab******************")]
    [InlineData(3, "********************")]
    public void Redaction_shows_at_most_four_leading_characters_and_has_a_fixed_length(int length, string expected)
    {
        var secret = (expected[..Math.Min(4, length / 4)] + Alnum(length, 3))[..length];

        var masked = SecretRedactor.Redact(secret);

        Assert.Equal(expected, masked);
        Assert.Equal(SecretRedactor.MaskedLength, masked.Length);
    }

    [Theory]
    [InlineData("", 0.0)]
    [InlineData("aaaa", 0.0)]
    [InlineData("abab", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("0123456789abcdef", 4.0)]
    public void Entropy_is_measured_in_bits_per_character(string value, double expected)
    {
        Assert.Equal(expected, ShannonEntropy.BitsPerChar(value), 6);
    }

    [Theory]
    [InlineData("changeme")]
    [InlineData("PASSWORD")]
    [InlineData("xxxxxxxxxxxx")]
    [InlineData("<api-key>")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("{{ secrets.TOKEN }}")]
    [InlineData("your-secret-here")]
    [InlineData("my-example-key")]
    [InlineData("$DB_PASSWORD")]
    [InlineData("%DB_PASSWORD%")]
    [InlineData("env:DB_PASSWORD")]
    [InlineData("********")]
    [InlineData("{password}")]
    [InlineData("{0}")]
    [InlineData("%(password)s")]
    public void Placeholders_are_recognised(string value)
    {
        Assert.True(PlaceholderValues.IsPlaceholder(value));
    }

    [Fact]
    public void A_random_value_is_not_a_placeholder()
    {
        Assert.False(PlaceholderValues.IsPlaceholder(Alnum(24)));
    }

    [Fact]
    public void A_jwt_header_must_be_json_naming_an_algorithm()
    {
        Assert.True(JwtHeader.DeclaresAlgorithm(Jwt("""{"alg":"RS256"}""")));
        Assert.False(JwtHeader.DeclaresAlgorithm(Jwt("""{"typ":"JWT"}""")));
        Assert.False(JwtHeader.DeclaresAlgorithm(Jwt("""["alg"]""")));
        Assert.False(JwtHeader.DeclaresAlgorithm(Base64Url("not json") + ".eyJ.x"));
        Assert.False(JwtHeader.DeclaresAlgorithm("!!!.eyJ.x"));
    }
}
