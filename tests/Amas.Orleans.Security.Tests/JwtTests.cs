using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Amas.Orleans.Gateway.Security.Tests;

[Collection(SecuredGatewayCollection.Name)]
public sealed class JwtTests(SecuredGateway gateway)
{
    [Fact]
    public async Task A_valid_token_acts_as_its_subject_with_its_role()
    {
        using var operatorToken = gateway.WithToken(gateway.Tokens.Issue("grace", Roles.Operator));

        var task = await operatorToken.SubmitAsync(gateway.Root);

        var status = await operatorToken.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
        Assert.Equal("grace", status.GetProperty("submitter").GetString());
        using var viewerToken = gateway.WithToken(gateway.Tokens.Issue("grace", Roles.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerToken.PostAsync($"/api/v1/tasks/{task}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_that_says_so_in_www_authenticate_and_the_audit_log()
    {
        using var expired = gateway.WithToken(gateway.Tokens.Expired("grace", Roles.Admin));

        using var response = await expired.GetAsync("/api/v1/tasks");

        HttpJson.AssertProblem(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter, StringComparison.Ordinal);
        var entry = await Audit.FindAsync(gateway, response);
        Assert.Equal("denied", entry.GetProperty("result").GetString());
        Assert.Equal("anonymous", entry.GetProperty("caller").GetString());
        Assert.Equal("The bearer token has expired.", entry.GetProperty("detail").GetProperty("reason").GetString());
        Assert.Equal("SecurityTokenExpiredException", entry.GetProperty("detail").GetProperty("exception").GetString());
        Assert.Equal("The bearer token has expired.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("wrong key")]
    [InlineData("unsigned")]
    [InlineData("no subject")]
    [InlineData("garbage")]
    public async Task A_forged_or_foreign_token_is_a_401(string kind)
    {
        var tokens = gateway.Tokens;
        var token = kind switch
        {
            "wrong issuer" => tokens.Issue("grace", Roles.Admin, withIssuer: "https://evil.example"),
            "wrong audience" => tokens.Issue("grace", Roles.Admin, withAudience: "another-api"),
            "wrong key" => tokens.Issue("grace", Roles.Admin, withKey: Amas.Orleans.Gateway.Security.ApiKeys.ApiKeySecrets.NewKey()),
            "unsigned" => tokens.Unsigned("grace", Roles.Admin),
            "no subject" => tokens.Issue("", Roles.Admin),
            _ => "not.a.token",
        };
        using var http = gateway.WithToken(token);

        HttpJson.AssertProblem(await http.GetAsync("/api/v1/tasks"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_a_role_that_is_not_ours_is_authenticated_but_forbidden_everywhere()
    {
        using var http = gateway.WithToken(gateway.Tokens.Issue("grace", "superuser"));

        HttpJson.AssertProblem(await http.GetAsync("/api/v1/tasks"), HttpStatusCode.Forbidden);
    }
}
