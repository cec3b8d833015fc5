using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>
/// Spent token ids as files in a folder on this machine: the default ledger, with no server and no setup. Each claim
/// creates <c>&lt;sha256(jti)&gt;.claim</c> with an exclusive create (<c>O_CREAT|O_EXCL</c>, <c>CREATE_NEW</c>), which
/// the operating system makes atomic across processes: of two processes claiming one token at once, exactly one
/// creates the file. The folder is created on first use (owner-only on Unix); files of tokens expired for a day are removed.
/// </summary>
/// <remarks>
/// It stops a token from running twice on this machine, in any process that uses the same folder. It does not stop
/// another machine (use a shared ledger, <c>AgentSafety.Guards.PostgreSql</c>), nor a process that can delete files
/// in the folder: a job that owns the folder can erase what it spent.
/// </remarks>
public sealed class FileApprovalLedger : IApprovalLedger
{
    /// <summary>The variable that names the folder of <see cref="Default"/>.</summary>
    public const string FolderVariable = "AGENTSAFETY_LEDGER_DIR";

    // A claim file may go once its token has certainly expired: a token lives at most 15 minutes from issue, and a day
    // covers any clock skew between the issuer and this machine.
    private static readonly TimeSpan Retention = ApprovalToken.MaximumLifetime + TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly string? _folder;
    private long _lastPruneTicks;

    /// <summary>A ledger in <paramref name="folder"/>, created on first use.</summary>
    public FileApprovalLedger(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("name the ledger's folder", nameof(folder));
        }

        _folder = Path.GetFullPath(folder);
    }

    private FileApprovalLedger(string? folder, bool unresolved)
    {
        _folder = unresolved ? null : folder;
    }

    /// <summary>The folder, or null when no folder could be found (then every claim fails, and the guard refuses).</summary>
    public string? Folder => _folder;

    /// <inheritdoc/>
    public ApprovalLedgerScope Scope => ApprovalLedgerScope.Machine;

    /// <inheritdoc/>
    public string Description => _folder is null ? "the file ledger (no folder: set " + FolderVariable + ")" : "the file ledger in " + _folder;

    /// <summary>
    /// The ledger in <c>AGENTSAFETY_LEDGER_DIR</c>, else in the user's local application data
    /// (<c>~/.local/share/AgentSafety/approval-ledger</c> on Linux, <c>%LOCALAPPDATA%\AgentSafety\approval-ledger</c> on Windows).
    /// </summary>
    public static FileApprovalLedger Default()
    {
        var configured = System.Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new FileApprovalLedger(configured!);
        }

        var local = System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData, System.Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(local)
            ? new FileApprovalLedger(null, unresolved: true)
            : new FileApprovalLedger(Path.Combine(local, "AgentSafety", "approval-ledger"));
    }

    /// <inheritdoc/>
    public Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null)
        {
            throw new ArgumentNullException(nameof(claim));
        }

        if (_folder is null)
        {
            throw new InvalidOperationException("the file approval ledger has no folder: this process has no home or local application data folder; set " + FolderVariable);
        }

        CreateFolder(_folder);
        var path = Path.Combine(_folder, FileName(claim.TokenId));
        var record = Encoding.UTF8.GetBytes(
            "{\"claimed\":" + Json.Quote(DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            + ",\"expires\":" + Json.Quote(claim.Expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            + ",\"action\":" + Json.Quote(claim.Request.Action)
            + ",\"resource\":" + Json.Quote(claim.Request.Resource)
            + ",\"environment\":" + Json.Quote(claim.Request.Environment)
            + ",\"approver\":" + Json.Quote(claim.ApproverFingerprint ?? string.Empty) + "}\n");
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(record, 0, record.Length);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            return Task.FromResult(false);
        }

        Prune(_folder);
        return Task.FromResult(true);
    }

    /// <summary>The claim file's name: a hash, so that no <c>jti</c> text, however odd, becomes a path.</summary>
    internal static string FileName(string tokenId)
    {
        using var sha = SHA256.Create();
        return ApproverPublicKey.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(tokenId)), 32) + ".claim";
    }

    private static void CreateFolder(string folder)
    {
#if NET8_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(folder);
    }

    private void Prune(string folder)
    {
        var now = DateTime.UtcNow;
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.Ticks - last < PruneEvery.Ticks || Interlocked.CompareExchange(ref _lastPruneTicks, now.Ticks, last) != last)
        {
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.claim"))
            {
                if (now - File.GetLastWriteTimeUtc(file) > Retention)
                {
                    File.Delete(file);
                }
            }
        }
        catch (IOException)
        {
            // Retention is housekeeping: a file another process is pruning at the same moment is not an error.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
