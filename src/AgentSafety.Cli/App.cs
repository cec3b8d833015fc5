using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AgentSafety.Guards;

namespace AgentSafety.Cli;

/// <summary>
/// <c>agentsafety keygen --out approver.key</c> and <c>agentsafety approve --key approver.key --action A --resource R
/// [--environment E] [--ttl 10m]</c>. A person runs these on their own machine; the private key never goes to the job.
/// </summary>
public static class App
{
    public const string Usage = """
        usage:
          agentsafety keygen --out <approver.key>
              Writes a new approver private key (keep it off every machine a job or an agent runs on)
              and prints its public key, for AGENTSAFETY_APPROVER_KEYS.
          agentsafety approve --key <approver.key> --action <action> --resource <resource> [--environment <env>] [--ttl <10m>]
              Prints a token that approves one run of exactly that action on exactly that resource in that environment
              (default Production), valid for --ttl (default 10m, at most 15m). Give it to the job in AGENTSAFETY_APPROVAL.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, DateTimeOffset now)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        Dictionary<string, string> options;
        try
        {
            options = ParseOptions(args);
        }
        catch (ArgumentException e)
        {
            return Fail(stderr, e.Message);
        }

        return args[0] switch
        {
            "keygen" => Keygen(options, stdout, stderr),
            "approve" => Approve(options, stdout, stderr, now),
            _ => Fail(stderr, $"unknown command '{args[0]}'"),
        };
    }

    private static int Keygen(Dictionary<string, string> options, TextWriter stdout, TextWriter stderr)
    {
        if (!options.TryGetValue("--out", out var path))
        {
            return Fail(stderr, "keygen needs --out <file>");
        }

        if (File.Exists(path))
        {
            return Fail(stderr, $"{path} exists; refusing to overwrite an approver key");
        }

        var key = ApproverKeyPair.Generate();
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key.ToPrivateKeyText());
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        stderr.WriteLine($"wrote the private key to {path}; keep it where no job and no agent can read it");
        stderr.WriteLine($"public key (fingerprint {key.PublicKey.Fingerprint}), for AGENTSAFETY_APPROVER_KEYS:");
        stdout.WriteLine(key.PublicKey.Text);
        return 0;
    }

    private static int Approve(Dictionary<string, string> options, TextWriter stdout, TextWriter stderr, DateTimeOffset now)
    {
        foreach (var required in new[] { "--key", "--action", "--resource" })
        {
            if (!options.ContainsKey(required))
            {
                return Fail(stderr, $"approve needs {required}");
            }
        }

        ApproverKeyPair key;
        try
        {
            key = ApproverKeyPair.ParsePrivateKey(File.ReadAllText(options["--key"]));
        }
        catch (IOException e)
        {
            return Fail(stderr, $"cannot read {options["--key"]}: {e.Message}");
        }
        catch (FormatException e)
        {
            return Fail(stderr, $"{options["--key"]}: {e.Message}");
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

        stderr.WriteLine($"approves one run of '{options["--action"]}' on '{options["--resource"]}' in {environment} until {now.Add(ttl):u}, signed by {key.PublicKey.Fingerprint}");
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            options[args[i]] = args[++i];
        }

        return options;
    }

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
