using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AgentSafety.Guards;

namespace AgentSafety.Cli;

/// <summary>
/// The approver's tool: <c>keygen</c>, <c>approve</c> and <c>inspect</c>. A person runs it on their own machine; the
/// private key never goes to the job.
/// </summary>
public static class App
{
    /// <summary>Where approve reads the private key when no --key is given.</summary>
    public const string KeyFileVariable = "AGENTSAFETY_APPROVER_KEY_FILE";

    public const string Usage = """
        usage:
          agentsafety keygen --out <file>
              Writes a new approver private key to <file> (usually ~/.agentsafety/approver.key, where approve looks by
              default; missing folders are created, the file is readable by you alone) and prints its public key as a
              JWK, for AGENTSAFETY_APPROVER_KEYS. Keep the private key off every machine a job or an agent runs on.
          agentsafety approve --action <action> --resource <resource> [--environment <env>] [--ttl <10m>] [--key <file>]
              Prints a token (a JWS signed with ES256, with the key in --key, else AGENTSAFETY_APPROVER_KEY_FILE, else
              ~/.agentsafety/approver.key) that approves exactly that action on exactly that resource in that
              environment (default Production), valid for --ttl (default 10m, at most 15m). Give it to the job in
              AGENTSAFETY_APPROVAL. It runs once where the job spends tokens in a shared approval ledger, once per
              machine with the default file ledger, and once per process with none (docs/guards.md).
          agentsafety inspect [<token> | -] [--keys <public keys>]
              Prints a token's header and claims (default: the token in AGENTSAFETY_APPROVAL; '-' reads standard input)
              and, with --keys (a JWK, a JWK Set or asapk1. texts, or a file holding them), whether its signature verifies.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, DateTimeOffset now) =>
        Run(args, stdout, stderr, now, Console.In);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, DateTimeOffset now, TextReader stdin)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        Dictionary<string, string> options;
        List<string> positional;
        try
        {
            (options, positional) = ParseOptions(args);
            if (args[0] != "inspect" && positional.Count > 0)
            {
                throw new ArgumentException($"unexpected argument '{positional[0]}'");
            }
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, e.Message);
        }

        return args[0] switch
        {
            "keygen" => Keygen(options, stdout, stderr),
            "approve" => Approve(options, stdout, stderr, now),
            "inspect" => Inspect(options, positional, stdout, stderr, now, stdin),
            _ => Fail(stderr, $"unknown command '{args[0]}'"),
        };
    }

    /// <summary>The private key's default place: <c>AGENTSAFETY_APPROVER_KEY_FILE</c>, else <c>~/.agentsafety/approver.key</c>.</summary>
    internal static string DefaultKeyFile()
    {
        var configured = Environment.GetEnvironmentVariable(KeyFileVariable);
        return !string.IsNullOrWhiteSpace(configured)
            ? ExpandHome(configured!)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".agentsafety", "approver.key");
    }

    private static int Keygen(Dictionary<string, string> options, TextWriter stdout, TextWriter stderr)
    {
        // Required, not defaulted: writing a private key is something a person asks for by naming the file.
        if (!options.TryGetValue("--out", out var o))
        {
            return Fail(stderr, "keygen needs --out <file> (for example --out ~/.agentsafety/approver.key)");
        }

        var path = ExpandHome(o);
        if (File.Exists(path))
        {
            return Fail(stderr, $"{path} exists; refusing to overwrite an approver key");
        }

        var key = ApproverKeyPair.Generate();
        try
        {
            WriteOwnerOnly(path, key.ToPrivateKeyText() + Environment.NewLine);
        }
        catch (IOException e) when (File.Exists(path))
        {
            return Fail(stderr, $"{path} exists; refusing to overwrite an approver key ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot write {path}: {e.Message}");
        }

        stderr.WriteLine($"wrote the private key to {path} (readable by you alone); keep it where no job and no agent can read it");
        stderr.WriteLine($"public key (fingerprint {key.PublicKey.Fingerprint}; short form {key.PublicKey.Text}), for AGENTSAFETY_APPROVER_KEYS:");
        stdout.WriteLine(key.PublicKey.ToJwk());
        return 0;
    }

    /// <summary>
    /// Creates the folder (owner-only on Unix) and the file with owner-only permissions from its creation: there is
    /// no moment at which the private key sits in a file others can read.
    /// </summary>
    private static void WriteOwnerOnly(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        var stream = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            stream.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        else if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var file = new FileStream(full, stream);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }

    private static int Approve(Dictionary<string, string> options, TextWriter stdout, TextWriter stderr, DateTimeOffset now)
    {
        foreach (var required in new[] { "--action", "--resource" })
        {
            if (!options.ContainsKey(required))
            {
                return Fail(stderr, $"approve needs {required}");
            }
        }

        var keyFile = options.TryGetValue("--key", out var k) ? ExpandHome(k) : DefaultKeyFile();
        ApproverKeyPair key;
        try
        {
            key = ApproverKeyPair.ParsePrivateKey(File.ReadAllText(keyFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot read the approver key {keyFile}: {e.Message} (make one with 'agentsafety keygen', or pass --key <file>)");
        }
        catch (FormatException e)
        {
            return Fail(stderr, $"{keyFile}: {e.Message}");
        }

        var ttlText = options.TryGetValue("--ttl", out var t) ? t : "10m";
        if (!TryParseDuration(ttlText, out var ttl) || ttl <= TimeSpan.Zero || ttl > ApprovalToken.MaximumLifetime)
        {
            return Fail(stderr, $"--ttl '{ttlText}' must be a duration like 90s, 10m or 15m, at most 15 minutes");
        }

        var environment = options.TryGetValue("--environment", out var e2) ? e2 : "Production";
        try
        {
            stdout.WriteLine(ApprovalToken.Issue(key, options["--action"], options["--resource"], environment, ttl, now));
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, e.Message);
        }

        stderr.WriteLine($"approves '{options["--action"]}' on '{options["--resource"]}' in {environment} until {now.Add(ttl):u}, signed by {key.PublicKey.Fingerprint}.");
        stderr.WriteLine("It runs once where the job spends tokens in a shared approval ledger (PostgreSQL), once per machine with the default file ledger, once per process with none.");
        return 0;
    }

    private static int Inspect(Dictionary<string, string> options, List<string> positional, TextWriter stdout, TextWriter stderr, DateTimeOffset now, TextReader stdin)
    {
        if (positional.Count > 1)
        {
            return Fail(stderr, "inspect takes one token");
        }

        var text = positional.Count == 0
            ? Environment.GetEnvironmentVariable(SignedApprovalProvider.TokenVariable)
            : positional[0] == "-" ? stdin.ReadToEnd() : positional[0];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(stderr, $"inspect needs a token: an argument, '-' for standard input, or {SignedApprovalProvider.TokenVariable}");
        }

        text = text!.Trim();
        var shown = ApprovalToken.Redact(text);
        if (!ApprovalToken.TryRead(text, out var token, out var problem) || token is null)
        {
            stderr.WriteLine($"agentsafety: token {shown} {problem}");
            return 1;
        }

        stdout.WriteLine($"token:     {shown}");
        stdout.WriteLine($"header:    {token.HeaderJson}");
        stdout.WriteLine($"claims:    {token.ClaimsJson}");
        stdout.WriteLine($"action:    {token.Action}");
        stdout.WriteLine($"resource:  {DestructiveOperationDeniedException.ShellQuote(token.Resource)}");
        stdout.WriteLine($"audience:  {string.Join(", ", token.Audiences)} (the environment)");
        stdout.WriteLine($"issued:    {token.Issued:u}");
        var left = token.Expires - now;
        stdout.WriteLine($"expires:   {token.Expires:u} ({(left > TimeSpan.Zero ? "in " + Describe(left) : "expired " + Describe(-left) + " ago")})");
        stdout.WriteLine($"id (jti):  {token.Id}");
        stdout.WriteLine($"key (kid): {token.KeyId ?? "(none)"}");

        // The signature proves nothing secret, but it is what makes the token usable: show its size, never its bytes.
        if (!options.TryGetValue("--keys", out var keysText))
        {
            stdout.WriteLine($"signature: {token.Algorithm}, {token.SignatureLength} bytes (not shown; pass --keys to verify it)");
            return 0;
        }

        if (File.Exists(ExpandHome(keysText)))
        {
            keysText = File.ReadAllText(ExpandHome(keysText));
        }

        var keys = ApproverPublicKey.ParseList(keysText, out _);
        var signer = keys.FirstOrDefault(token.IsSignedBy);
        stdout.WriteLine(signer is null
            ? $"signature: {token.Algorithm}, {token.SignatureLength} bytes (not shown): does NOT verify with any of the {keys.Count} given keys"
            : $"signature: {token.Algorithm}, {token.SignatureLength} bytes (not shown): verifies with key {signer.Fingerprint}");
        return signer is null ? 1 : 0;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : $"{(int)span.TotalMinutes}m {span.Seconds}s";

    private static (Dictionary<string, string> Options, List<string> Positional) ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            options[args[i]] = args[++i];
        }

        return (options, positional);
    }

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path.Substring(2) : string.Empty)
            : path;

    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        switch (text[^1])
        {
            case 's': duration = TimeSpan.FromSeconds(n); return true;
            case 'm': duration = TimeSpan.FromMinutes(n); return true;
            case 'h': duration = TimeSpan.FromHours(n); return true;
            default: return false;
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("agentsafety: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }
}
