using System;
using System.IO;
using AgentSafety.Cli;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>The approver's tool as a newcomer meets it: a key in a folder that does not exist yet, and a token to read.</summary>
[Collection(GuardCollection.Name)]
public sealed class CliNewcomerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentsafety-cli2-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Keygen_creates_the_missing_folders_and_a_key_only_its_owner_can_read()
    {
        var keyFile = Path.Combine(_dir, "home", ".agentsafety", "approver.key");

        var (code, publicKey, err) = Cli("keygen", "--out", keyFile);

        Assert.True(code == 0, err);
        Assert.True(ApproverPublicKey.TryParse(publicKey.Trim(), out var key), publicKey);
        Assert.Equal(key!.KeyId, ApproverKeyPair.ParsePrivateKey(File.ReadAllText(keyFile)).PublicKey.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
        }
    }

    [Fact]
    public void Inspect_prints_the_claims_and_the_signatures_size_never_the_signature()
    {
        var keyFile = Path.Combine(_dir, "approver.key");
        var (_, publicKey, _) = Cli("keygen", "--out", keyFile);
        var (_, token, _) = Cli("approve", "--key", keyFile, "--action", "db:run", "--resource", "DELETE FROM t\nWHERE id = 'x'", "--environment", "Staging", "--ttl", "5m");
        var signature = token.Trim().Split('.')[2];

        var (code, shown, _) = Cli("inspect", token.Trim());
        var (verified, withKeys, _) = Cli("inspect", token.Trim(), "--keys", publicKey.Trim());
        var (forged, withOtherKey, _) = Cli("inspect", token.Trim(), "--keys", ApproverKeyPair.Generate().PublicKey.ToJwk());

        Assert.Equal(0, code);
        Assert.Contains("action:    db:run", shown, StringComparison.Ordinal);
        Assert.Contains("resource:  'DELETE FROM t\nWHERE id = '\\''x'\\'''", shown, StringComparison.Ordinal);
        Assert.Contains("audience:  Staging", shown, StringComparison.Ordinal);
        Assert.Contains("\"alg\":\"ES256\"", shown, StringComparison.Ordinal);
        Assert.Contains("signature: ES256, 64 bytes (not shown", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, shown + withKeys + withOtherKey, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), shown, StringComparison.Ordinal);
        Assert.Equal(0, verified);
        Assert.Contains("verifies with key", withKeys, StringComparison.Ordinal);
        Assert.Equal(1, forged);
        Assert.Contains("does NOT verify", withOtherKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_something_that_is_not_a_token_says_why_without_echoing_it()
    {
        var (code, _, err) = Cli("inspect", "not-a-token-but-a-secret-value");

        Assert.Equal(1, code);
        Assert.Contains("is not a JWS in compact form", err, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-but-a-secret-value", err, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = App.Run(args, stdout, stderr, DateTimeOffset.UtcNow, new StringReader(string.Empty));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
