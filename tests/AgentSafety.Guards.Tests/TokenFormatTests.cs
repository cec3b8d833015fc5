using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// Approval tokens are standard JWS (RFC 7515, ES256): a JWT library verifies the guard's tokens against the published
/// JWK, and the guard accepts a token a JWT library issued with a key it knows.
/// </summary>
[Collection(GuardCollection.Name)]
public sealed class TokenFormatTests : IDisposable
{
    private static readonly ApproverKeyPair Approver = ApproverKeyPair.Generate();

    public void Dispose() => Destructive.Reset();

    [Fact]
    public async Task A_token_from_agentsafety_verifies_with_a_jwt_library_against_the_published_jwk()
    {
        var now = DateTimeOffset.UtcNow;
        var token = ApprovalToken.Issue(Approver, "railway:volumeDelete", "vol-123", "Staging", TimeSpan.FromMinutes(10), now);
        var jwk = new JsonWebKey(Approver.PublicKey.ToJwk());

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = jwk,
            ValidAudience = "Staging",
            ValidateIssuer = false,
            ValidAlgorithms = new[] { SecurityAlgorithms.EcdsaSha256 },
        });

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(Approver.PublicKey.KeyId, jwt.Kid);
        Assert.Equal(Approver.PublicKey.KeyId, Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()));
        Assert.Equal("railway:volumeDelete", jwt.GetClaim("action").Value);
        Assert.Equal("vol-123", jwt.GetClaim("resource").Value);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal(now.ToUnixTimeSeconds(), new DateTimeOffset(jwt.IssuedAt).ToUnixTimeSeconds());
        Assert.Equal(now.AddMinutes(10).ToUnixTimeSeconds(), new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_token_issued_by_a_jwt_library_with_an_approver_key_runs_the_operation()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = PublicJwk(ecdsa);
        var token = IssueWithLibrary(ecdsa, "Staging", "db:dropSchema", "DROP SCHEMA tenant_42 CASCADE;\n-- by ticket $OPS-7", TimeSpan.FromMinutes(5), kid: null);
        var audit = Setup.Configure(new IConfirmationProvider[] { new SignedApprovalProvider(new[] { publicKey }, () => new[] { token }) });
        var counter = new Counter();

        await Destructive.RunAsync("db:dropSchema", "DROP SCHEMA tenant_42 CASCADE;\n-- by ticket $OPS-7", _ => { counter.Increment(); return Task.CompletedTask; });

        Assert.Equal(1, counter.Count);
        Assert.Contains(audit.Records, r => r.Event == AuditEvent.Approved && r.ApproverFingerprint == publicKey.Fingerprint);
    }

    [Fact]
    public async Task A_library_token_living_longer_than_fifteen_minutes_is_refused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = PublicJwk(ecdsa);
        var token = IssueWithLibrary(ecdsa, "Staging", "db:drop", "tenant_42", TimeSpan.FromHours(1), kid: publicKey.KeyId);
        Setup.Configure(new IConfirmationProvider[] { new SignedApprovalProvider(new[] { publicKey }, () => new[] { token }) });

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Destructive.RunAsync("db:drop", "tenant_42", _ => Task.CompletedTask));

        Assert.Equal(RefusalReason.Expired, denied.Reason);
        Assert.Contains("longer than 15 minutes", denied.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"alg\":\"none\",\"typ\":\"JWT\"}", "'none'")]
    [InlineData("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "'HS256'")]
    [InlineData("{\"alg\":\"ES256\",\"crit\":[\"exp\"]}", "critical")]
    [InlineData("{\"alg\":\"ES256\",\"alg\":\"none\"}", "not base64url-encoded UTF-8 JSON")]
    public async Task A_token_with_another_algorithm_or_an_unknown_critical_header_is_malformed(string header, string expected)
    {
        var real = ApprovalToken.Issue(Approver, "db:drop", "tenant_42", "Staging", TimeSpan.FromMinutes(5), Setup.Now);
        var parts = real.Split('.');
        var forged = Base64UrlEncoder.Encode(header) + "." + parts[1] + "." + parts[2];
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, forged) });

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Destructive.RunAsync("db:drop", "tenant_42", _ => Task.CompletedTask));

        Assert.Equal(RefusalReason.Malformed, denied.Reason);
        Assert.Contains(expected, denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_missing_a_claim_says_which()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Audience = "Staging",
            Claims = new Dictionary<string, object> { ["action"] = "db:drop" },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha256),
        });

        Assert.False(ApprovalToken.TryRead(token, out _, out var problem));
        Assert.Equal("lacks the claims iat, exp, jti, resource", problem);
    }

    [Fact]
    public void Public_keys_read_as_a_jwk_a_jwk_set_a_json_array_or_the_short_form()
    {
        var other = ApproverKeyPair.Generate().PublicKey;
        var a = Approver.PublicKey;

        Assert.Equal(a.KeyId, ApproverPublicKey.Parse(a.ToJwk()).KeyId);
        Assert.Equal(a.KeyId, ApproverPublicKey.Parse(a.Text).KeyId);
        Assert.Equal(new[] { a.KeyId, other.KeyId }, Ids(ApproverPublicKey.ParseList("{\"keys\":[" + a.ToJwk() + "," + other.ToJwk() + "]}", out _)));
        Assert.Equal(new[] { a.KeyId, other.KeyId }, Ids(ApproverPublicKey.ParseList("[" + a.ToJwk() + ", " + other.ToJwk() + "]", out _)));
        Assert.Equal(new[] { a.KeyId, other.KeyId }, Ids(ApproverPublicKey.ParseList(a.Text + ", " + other.Text, out _)));
        Assert.Equal(new[] { a.KeyId }, Ids(ApproverPublicKey.ParseList(a.ToJwk(), out _)));

        // A private JWK is not a public key: refusing it keeps private material out of the job's configuration.
        Assert.False(ApproverPublicKey.TryParse(a.ToJwk().TrimEnd('}') + ",\"d\":\"AAAA\"}", out _));
    }

    [Fact]
    public void A_point_off_the_curve_is_not_a_key()
    {
        var jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + Base64UrlEncoder.Encode(new byte[32]) + "\",\"y\":\"" + Base64UrlEncoder.Encode(Enumerable(1)) + "\"}";

        Assert.False(ApproverPublicKey.TryParse(jwk, out _));
    }

    private static byte[] Enumerable(byte value)
    {
        var bytes = new byte[32];
        bytes[31] = value;
        return bytes;
    }

    private static string[] Ids(IReadOnlyList<ApproverPublicKey> keys) => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(keys, k => k.KeyId));

    private static ApproverPublicKey PublicJwk(ECDsa ecdsa)
    {
        var p = ecdsa.ExportParameters(false);
        return ApproverPublicKey.Parse("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + Base64UrlEncoder.Encode(p.Q.X!) + "\",\"y\":\"" + Base64UrlEncoder.Encode(p.Q.Y!) + "\"}");
    }

    private static string IssueWithLibrary(ECDsa ecdsa, string environment, string action, string resource, TimeSpan lifetime, string? kid)
    {
        var now = DateTime.UtcNow;
        var key = new ECDsaSecurityKey(ecdsa) { KeyId = kid };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = environment,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            Claims = new Dictionary<string, object>
            {
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["action"] = action,
                ["resource"] = resource,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
