using System;
using System.Collections.Generic;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>Whether a matching row makes a command destructive, or marks a look-alike as routine before a broader row sees it.</summary>
internal enum CliVerdict
{
    Destructive,
    Routine,
}

/// <summary>
/// One row of the command table: a tool (with its aliases), a sub-command path, the options that must be present for
/// the command to destroy, and the options that make it harmless (a dry run). Path words: a literal (alternatives
/// joined by <c>|</c>), a glob with one <c>*</c> (<c>delete-*</c>, <c>*-tags</c>), <c>*</c> for any one word, and
/// <c>**</c> for up to four command-group words (<c>az storage account delete</c>).
/// </summary>
internal sealed class CliRule
{
    public CliRule(string tools, string path, string destroys, string require = "", string forbid = "", CliVerdict verdict = CliVerdict.Destructive)
    {
        Tools = tools.Split('|');
        Path = path.Length == 0 ? Array.Empty<string>() : path.Split(' ');
        Destroys = destroys;
        Require = require.Length == 0 ? Array.Empty<string>() : require.Split(' ');
        Forbid = forbid.Length == 0 ? Array.Empty<string>() : forbid.Split(' ');
        Verdict = verdict;
    }

    public string[] Tools { get; }

    public string[] Path { get; }

    /// <summary>What the command destroys (for the rule's documentation), or why a routine row is routine.</summary>
    public string Destroys { get; }

    /// <summary>Alternatives, any one of which must be present (<c>-v|--volumes</c>); each entry of the array is required.</summary>
    public string[] Require { get; }

    /// <summary>Options any one of which makes the command harmless (<c>--dry-run</c>).</summary>
    public string[] Forbid { get; }

    public CliVerdict Verdict { get; }
}

/// <summary>A client that carries text for a store to execute: SQL (<c>psql -c</c>), Redis commands or a Mongo shell script.</summary>
internal enum CarriedLanguage
{
    Sql,
    Redis,
    MongoShell,
}

/// <summary>
/// A database client and where its command text sits: after one of <see cref="TextOptions"/>, or (for
/// <see cref="TextAfterPositionals"/> &gt;= 0) in the positional words after that many leading positionals
/// (<c>sqlite3 app.db 'DROP TABLE t'</c>, <c>redis-cli -h h FLUSHALL</c>). <see cref="ValueOptions"/> lists the options
/// that take a value, so that <c>psql -h localhost -c …</c> is read correctly and a cluster such as <c>-qAtc</c> ends in
/// the text option.
/// </summary>
internal sealed class TextCarrier
{
    public TextCarrier(string tools, CarriedLanguage language, string textOptions, string valueOptions, int textAfterPositionals = -1, bool readsStdin = true, bool clusters = true)
    {
        Clusters = clusters;
        Tools = tools.Split('|');
        Language = language;
        TextOptions = textOptions.Length == 0 ? Array.Empty<string>() : textOptions.Split(' ');
        ValueOptions = new HashSet<string>(valueOptions.Length == 0 ? Array.Empty<string>() : valueOptions.Split(' '), StringComparer.Ordinal);
        TextAfterPositionals = textAfterPositionals;
        ReadsStdin = readsStdin;
    }

    public string[] Tools { get; }

    /// <summary>False for tools whose options are single-dash words (<c>sqlite3 -batch</c>), which are not clusters of letters.</summary>
    public bool Clusters { get; }

    public CarriedLanguage Language { get; }

    public string[] TextOptions { get; }

    public HashSet<string> ValueOptions { get; }

    public int TextAfterPositionals { get; }

    /// <summary>True when text piped in (<c>echo 'DROP TABLE t' | psql</c>) or given as a here-document is executed.</summary>
    public bool ReadsStdin { get; }
}

/// <summary>How far below a protected path a recursive delete still destroys it.</summary>
internal enum PathScope
{
    /// <summary>The path itself, and its contents (<c>dir/*</c>).</summary>
    Self,

    /// <summary>The path and each entry directly inside it (<c>/home/alice</c>, <c>/srv/minio</c>), not deeper.</summary>
    Children,

    /// <summary>The path and everything beneath it (<c>/var/lib/postgresql/data</c>).</summary>
    Tree,
}

/// <summary>A command that runs another command given as its remaining words (<c>sudo</c>, <c>env X=1</c>, <c>timeout 10</c>).</summary>
internal sealed class PrefixCommand
{
    public PrefixCommand(string tools, string valueOptions, int leadingPositionals = 0, string noRunOptions = "")
    {
        Tools = tools.Split('|');
        ValueOptions = new HashSet<string>(valueOptions.Length == 0 ? Array.Empty<string>() : valueOptions.Split(' '), StringComparer.Ordinal);
        LeadingPositionals = leadingPositionals;
        NoRunOptions = noRunOptions.Length == 0 ? Array.Empty<string>() : noRunOptions.Split(' ');
    }

    public string[] Tools { get; }

    public HashSet<string> ValueOptions { get; }

    /// <summary>Positional words before the command (the duration of <c>timeout 10 cmd</c>).</summary>
    public int LeadingPositionals { get; }

    /// <summary>Options with which the prefix only prints the command (<c>command -v rm</c>).</summary>
    public string[] NoRunOptions { get; }
}

/// <summary>
/// The destructive command lines ASA202 knows, as data. Sources: each tool's own command reference (linked in
/// docs/rules/ASA202.md, which a test keeps equal to these tables) and the packs of DCG, the destructive command guard
/// used with coding agents. Rows are read top to bottom and the first match decides, so a routine look-alike sits above
/// the broad row it would otherwise match.
/// </summary>
internal static class DestructiveCliCommands
{
    private const string DryRun = "--dry-run";

    public static readonly CliRule[] Rules =
    {
        // Object stores.
        new("aws", "s3 rb", "an S3 bucket"),
        new("aws", "s3 rm", "S3 objects (every object under a prefix with --recursive)"),
        new("aws", "s3 sync", "destination objects missing from the source", require: "--delete"),
        new("aws", "* delete-*-tagging|delete-tags|delete-*-tags|untag-*", "tags only", verdict: CliVerdict.Routine),
        new("aws", "* delete-item|delete-message|delete-message-batch|delete-attributes", "one record or message", verdict: CliVerdict.Routine),
        new("aws", "* delete-*", "the named AWS resource (s3api delete-bucket, rds delete-db-instance, dynamodb delete-table, cloudformation delete-stack ...)", forbid: DryRun),
        new("aws", "* batch-delete-*", "many resources at once (ecr batch-delete-image ...)", forbid: DryRun),
        new("aws", "* terminate-*", "instances or clusters (ec2 terminate-instances, emr terminate-clusters)", forbid: DryRun),
        new("aws", "* purge-queue", "every message in an SQS queue"),
        new("aws", "kms schedule-key-deletion", "a KMS key, and with it every datum it encrypts"),
        new("gsutil", "rb", "a Cloud Storage bucket"),
        new("gsutil", "rm", "Cloud Storage objects"),
        new("gsutil", "rsync", "destination objects missing from the source", require: "-d"),
        new("gcloud", "storage rm", "Cloud Storage objects"),
        new("gcloud", "storage rsync", "destination objects missing from the source", require: "--delete-unmatched-destination-objects"),
        new("azcopy", "remove|rm", "Azure Storage blobs or files"),
        new("azcopy", "sync", "destination files missing from the source", require: "--delete-destination=true"),
        new("mc|mcli", "rb", "a MinIO or S3 bucket"),
        new("mc|mcli", "rm", "objects in a MinIO or S3 bucket"),
        new("mc|mcli", "mirror", "destination objects missing from the source", require: "--remove"),

        // Clouds.
        new("az", "tag|lock **", "tags and locks hold no data", verdict: CliVerdict.Routine),
        new("az", "role|ad **", "access assignments, not data", verdict: CliVerdict.Routine),
        new("az", "** delete|purge|delete-batch", "the named Azure resource (group delete, storage account delete, sql db delete, keyvault purge ...)"),
        new("az", "storage remove", "Azure Storage blobs or files"),
        new("gcloud", "config **", "local configuration", verdict: CliVerdict.Routine),
        new("gcloud", "** delete|bulk-delete", "the named Google Cloud resource (projects delete, sql instances delete, container clusters delete ...)"),
        new("doctl", "** delete|rm", "the named DigitalOcean resource (compute droplet delete, databases delete, compute volume delete ...)"),

        // Kubernetes.
        new("kubectl|oc", "delete pod|pods|po", "restarting a pod: its controller recreates it", forbid: "--all|-A|--all-namespaces", verdict: CliVerdict.Routine),
        new("kubectl|oc", "delete", "Kubernetes objects (namespaces, persistent volume claims, workloads, every pod with --all ...)", forbid: DryRun),
        new("kubectl|oc", "drain", "emptyDir data of the evicted pods", require: "--delete-emptydir-data|--delete-local-data", forbid: DryRun),
        new("kubectl|oc", "replace", "the objects it deletes and recreates", require: "--force", forbid: DryRun),
        new("kubectl|oc", "apply", "objects missing from the applied manifests", require: "--prune", forbid: DryRun),
        new("helm", "uninstall|delete|del|un", "a release and every object it installed", forbid: DryRun),

        // Infrastructure as code.
        new("terraform|tofu", "plan", "a plan changes nothing", verdict: CliVerdict.Routine),
        new("terraform|tofu", "destroy", "every resource of the configuration"),
        new("terraform|tofu", "apply", "every resource of the configuration", require: "-destroy"),
        new("terraform|tofu", "apply", "the resources it replaces", require: "-replace"),
        new("terraform|tofu", "state rm", "Terraform's record of resources (they stop being managed)"),
        new("terraform|tofu", "workspace delete", "a workspace and its state"),
        new("terragrunt", "destroy", "every resource of the configuration"),
        new("terragrunt", "run-all|run destroy", "every resource of every module"),
        new("pulumi", "destroy|down", "every resource of the stack", forbid: "--preview-only"),
        new("pulumi", "stack rm", "a stack and its state"),
        new("pulumi", "state delete", "resources from the stack's state"),

        // Containers.
        new("docker|podman", "rm", "containers, running ones killed, and with -v their anonymous volumes", require: "-f|--force|-v|--volumes"),
        new("docker|podman", "container rm", "containers, running ones killed, and with -v their anonymous volumes", require: "-f|--force|-v|--volumes"),
        new("docker|podman", "rmi", "images in use by containers", require: "-f|--force"),
        new("docker|podman", "image rm", "images in use by containers", require: "-f|--force"),
        new("docker|podman", "volume rm|remove", "volumes and the data in them"),
        new("docker|podman", "volume prune", "every unused volume and its data"),
        new("docker|podman", "system prune", "every unused container, image and (with --volumes) volume", require: "-a|--all|--volumes"),
        new("docker|podman", "compose down", "the project's volumes", require: "-v|--volumes"),
        new("docker|podman", "compose rm", "the project's containers and (with -v) their volumes", require: "-f|--force|-v|--volumes"),
        new("docker-compose|podman-compose", "down", "the project's volumes", require: "-v|--volumes"),
        new("docker-compose|podman-compose", "rm", "the project's containers and (with -v) their volumes", require: "-f|--force|-v|--volumes"),

        // Databases (their SQL, Redis and Mongo text is judged through TextCarriers below).
        new("dropdb", "", "a PostgreSQL database"),
        new("mysqladmin|mariadb-admin", "drop", "a MySQL database"),

        // Platforms.
        new("railway", "down", "the service's latest deployment"),
        new("railway", "delete", "a Railway project"),
        new("railway", "volume|environment|service delete", "a Railway volume, environment or service"),
        new("fly|flyctl", "destroy", "a Fly app"),
        new("fly|flyctl", "apps destroy|delete", "a Fly app"),
        new("fly|flyctl", "volumes|volume|vol destroy|delete|rm", "a Fly volume and its data"),
        new("fly|flyctl", "machines|machine|m destroy|remove|rm", "Fly machines"),
        new("heroku", "apps:destroy|destroy", "a Heroku app"),
        new("heroku", "addons:destroy|addons:remove", "a Heroku add-on (a Heroku Postgres database ...)"),
        new("heroku", "pg:reset", "every table of a Heroku Postgres database"),
        new("vercel", "remove|rm", "Vercel deployments or projects"),
        new("vercel", "project|projects rm|remove", "a Vercel project"),
        new("netlify", "sites:delete", "a Netlify site"),
        new("supabase", "projects delete", "a Supabase project"),
        new("supabase", "db reset", "the linked remote database", require: "--linked|--db-url"),
        new("neonctl|neon", "projects|project|branches|branch|databases|database delete", "a Neon project, branch or database"),
        new("pscale", "database|branch|backup delete", "a PlanetScale database, branch or backup"),
        new("wrangler", "delete", "a Cloudflare Worker"),
        new("wrangler", "d1|queues|vectorize delete", "a D1 database, queue or Vectorize index"),
        new("wrangler", "r2 bucket delete", "an R2 bucket"),
        new("wrangler", "kv namespace delete", "a KV namespace"),
        new("wrangler", "kv:namespace delete", "a KV namespace"),
        new("gh", "repo delete", "a GitHub repository"),
        new("gh", "release delete", "a GitHub release and its assets"),
        new("glab", "repo delete", "a GitLab project"),

        // Disks and volumes.
        new("lvremove|vgremove|pvremove", "", "LVM volumes and the data on them"),
        new("zfs|zpool", "destroy", "a ZFS dataset or pool"),
        new("btrfs", "subvolume delete", "a Btrfs subvolume"),
    };

    /// <summary>Clients whose text is judged by the same SQL, Redis and Mongo rules as ADO.NET, StackExchange.Redis and the Mongo driver.</summary>
    public static readonly TextCarrier[] TextCarriers =
    {
        new("psql", CarriedLanguage.Sql, "-c --command", "-c --command -d --dbname -f --file -h --host -L --log-file -o --output -p --port -P --pset -T --table-attr -U --username -v --set --variable -F --field-separator -R --record-separator"),
        new("mysql|mariadb", CarriedLanguage.Sql, "-e --execute", "-e --execute -u --user -h --host -P --port -D --database -p --password -S --socket --default-character-set --init-command --login-path --defaults-file --defaults-extra-file"),
        new("sqlite3|sqlite", CarriedLanguage.Sql, "-cmd", "-cmd -init -separator -newline -nullvalue -vfs -maxsize -mmap", textAfterPositionals: 1, clusters: false),
        new("duckdb", CarriedLanguage.Sql, "-c -s", "-c -s -cmd -init -separator -newline -nullvalue", textAfterPositionals: 1, clusters: false),
        new("sqlcmd", CarriedLanguage.Sql, "-Q -q --query", "-Q -q --query -S --server -U --user-name -P --password -d --database-name -i --input-file -o --output-file -v -s -w -t -l -H -A", clusters: false),
        new("clickhouse-client|clickhouse", CarriedLanguage.Sql, "-q --query", "-q --query -h --host --port -u --user --password -d --database -f --format"),
        new("cockroach", CarriedLanguage.Sql, "-e --execute", "-e --execute --url --host --port -u --user -d --database --certs-dir"),
        new("mongosh|mongo", CarriedLanguage.MongoShell, "--eval", "--eval --host --port -u --username -p --password --authenticationDatabase --authenticationMechanism -f --file", clusters: false),
        new("redis-cli|valkey-cli|keydb-cli", CarriedLanguage.Redis, "", "-h -p -s -a -u -r -i -n -d -D --user --pass --cacert --cacertdir --cert --key --sni --tls-ciphers --tls-ciphersuites --eval --pattern --quoted-pattern --count --rdb --functions-rdb", textAfterPositionals: 0),
    };

    /// <summary>
    /// Recursive deletes that destroy a system or data path. Temporary directories are not listed: cleaning them is routine.
    /// <c>~</c> stands for the home directory however it is written (<c>~</c>, <c>$HOME</c>, <c>${HOME}</c>).
    /// </summary>
    public static readonly (string Path, PathScope Scope)[] ProtectedPaths =
    {
        ("/", PathScope.Self),
        ("~", PathScope.Self),
        ("~/.ssh", PathScope.Tree), ("~/.aws", PathScope.Tree), ("~/.kube", PathScope.Tree), ("~/.gnupg", PathScope.Tree), ("~/.config", PathScope.Self),
        ("/etc", PathScope.Tree), ("/usr", PathScope.Tree), ("/bin", PathScope.Tree), ("/sbin", PathScope.Tree), ("/lib", PathScope.Tree),
        ("/lib32", PathScope.Tree), ("/lib64", PathScope.Tree), ("/boot", PathScope.Tree), ("/root", PathScope.Tree),
        ("/var/lib", PathScope.Tree), ("/var/backups", PathScope.Tree), ("/var/mail", PathScope.Tree), ("/var/opt", PathScope.Tree), ("/var/db", PathScope.Tree),
        ("/home", PathScope.Children), ("/Users", PathScope.Children), ("/srv", PathScope.Children), ("/data", PathScope.Children),
        ("/mnt", PathScope.Children), ("/media", PathScope.Children), ("/opt", PathScope.Children), ("/var", PathScope.Children),
        ("/var/www", PathScope.Children),
        ("/System", PathScope.Tree), ("/Library", PathScope.Tree), ("/private/etc", PathScope.Tree), ("/private/var/db", PathScope.Tree),
        (".", PathScope.Self), ("..", PathScope.Self),
    };

    /// <summary>Caches and documentation inside protected trees: deleting them is routine image slimming (<c>rm -rf /var/lib/apt/lists/*</c>).</summary>
    public static readonly string[] RoutinePaths = { "/var/lib/apt/lists", "/var/cache", "/usr/share/doc", "/usr/share/man", "/usr/share/locale", "/root/.cache", "/root/.npm", "~/.cache" };

    /// <summary>Where temporary files live; a recursive delete inside them is routine cleanup.</summary>
    public static readonly string[] TempRoots = { "/tmp", "/var/tmp", "/private/tmp", "/dev/shm", "$TMPDIR", "$TMP", "$TEMP", "$RUNNER_TEMP", "%TEMP%", "%TMP%" };

    /// <summary>Variables and forms that name the home directory.</summary>
    public static readonly string[] HomeForms = { "~", "$HOME", "${HOME}", "%USERPROFILE%" };

    /// <summary>Block devices: writing a file system or raw bytes onto one erases it. <c>/dev/null</c> and friends are not listed.</summary>
    public static readonly string[] BlockDevicePrefixes =
    {
        "/dev/sd", "/dev/hd", "/dev/vd", "/dev/xvd", "/dev/nvme", "/dev/mmcblk", "/dev/md", "/dev/dm-", "/dev/mapper/", "/dev/disk", "/dev/rdisk", "/dev/loop", "/dev/nbd",
    };

    /// <summary>
    /// Tools that erase the block device they are given (<c>dd</c> through <c>of=</c>, the others through any argument),
    /// with the options they need to write (<c>wipefs</c> without <c>-a</c> only lists signatures).
    /// </summary>
    public static readonly (string Tools, string Require)[] DeviceWriters =
    {
        ("dd", ""),
        ("mkfs|mkfs.*|mke2fs|mkswap|shred|blkdiscard", ""),
        ("wipefs", "-a|--all|-o|--offset"),
    };

    /// <summary>Tools that delete recursively, with the options that make them recursive.</summary>
    public static readonly (string Tools, string Recursive)[] RecursiveRemovers =
    {
        ("rm", "-r|-R|--recursive"),
    };

    public static readonly PrefixCommand[] Prefixes =
    {
        new("sudo|doas", "-u --user -g --group -h --host -p --prompt -C --close-from -D --chdir -r --role -t --type -U --other-user -T --command-timeout", noRunOptions: "-l --list -v --validate -k -K"),
        new("env", "-u --unset -C --chdir -S --split-string -P"),
        new("nohup|time|builtin|exec|stdbuf|setsid|unbuffer|busybox", "-a -i -o -e"),
        new("command", "", noRunOptions: "-v -V"),
        new("nice", "-n --adjustment"),
        new("ionice", "-c --class -n --classdata -t"),
        new("timeout", "-s --signal -k --kill-after", leadingPositionals: 1),
        new("xargs", "-n --max-args -I -i -d --delimiter -P --max-procs -L -l -s --max-chars -a --arg-file -E -e"),
    };

    /// <summary>Shells whose <c>-c</c> argument (or standard input) is itself a command line.</summary>
    public static readonly string[] Shells = { "sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "fish" };

    /// <summary>Tools whose words after <c>--</c> or after the target are a command run elsewhere, and the option that take values before it.</summary>
    public static readonly (string Tools, string Path, string ValueOptions, int Targets)[] RemoteRunners =
    {
        ("kubectl|oc", "exec", "-c --container -n --namespace --context --kubeconfig -f --filename --pod-running-timeout", 1),
        ("docker|podman", "exec", "-e --env --env-file -u --user -w --workdir --detach-keys", 1),
        ("docker|podman", "compose exec", "-e --env -u --user -w --workdir --index", 1),
        ("docker-compose", "exec", "-e --env -u --user -w --workdir --index", 1),
        ("ssh", "", "-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B", 1),
    };

    /// <summary>Where each tool documents its commands: the source of the rows above.</summary>
    public static readonly (string Tool, string Reference)[] References =
    {
        ("aws", "https://docs.aws.amazon.com/cli/latest/reference/"),
        ("az", "https://learn.microsoft.com/cli/azure/reference-index"),
        ("gcloud", "https://cloud.google.com/sdk/gcloud/reference"),
        ("gsutil", "https://cloud.google.com/storage/docs/gsutil/commands/rm"),
        ("azcopy", "https://learn.microsoft.com/azure/storage/common/storage-ref-azcopy"),
        ("mc", "https://min.io/docs/minio/linux/reference/minio-mc.html"),
        ("doctl", "https://docs.digitalocean.com/reference/doctl/"),
        ("kubectl", "https://kubernetes.io/docs/reference/kubectl/generated/"),
        ("helm", "https://helm.sh/docs/helm/helm_uninstall/"),
        ("terraform", "https://developer.hashicorp.com/terraform/cli/commands"),
        ("terragrunt", "https://terragrunt.gruntwork.io/docs/reference/cli-options/"),
        ("pulumi", "https://www.pulumi.com/docs/iac/cli/commands/"),
        ("docker", "https://docs.docker.com/reference/cli/docker/"),
        ("docker-compose", "https://docs.docker.com/reference/cli/docker/compose/"),
        ("dropdb", "https://www.postgresql.org/docs/current/app-dropdb.html"),
        ("psql", "https://www.postgresql.org/docs/current/app-psql.html"),
        ("mysql", "https://dev.mysql.com/doc/refman/8.0/en/mysql-command-options.html"),
        ("mysqladmin", "https://dev.mysql.com/doc/refman/8.0/en/mysqladmin.html"),
        ("sqlite3", "https://sqlite.org/cli.html"),
        ("mongosh", "https://www.mongodb.com/docs/mongodb-shell/reference/options/"),
        ("redis-cli", "https://redis.io/docs/latest/develop/tools/cli/"),
        ("railway", "https://docs.railway.com/reference/cli-api"),
        ("fly", "https://fly.io/docs/flyctl/"),
        ("heroku", "https://devcenter.heroku.com/articles/heroku-cli-commands"),
        ("vercel", "https://vercel.com/docs/cli"),
        ("netlify", "https://cli.netlify.com/"),
        ("supabase", "https://supabase.com/docs/reference/cli"),
        ("neonctl", "https://neon.com/docs/reference/neon-cli"),
        ("pscale", "https://planetscale.com/docs/reference/planetscale-cli"),
        ("wrangler", "https://developers.cloudflare.com/workers/wrangler/commands/"),
        ("gh", "https://cli.github.com/manual/"),
        ("glab", "https://gitlab.com/gitlab-org/cli/-/tree/main/docs/source"),
        ("DCG packs", "https://github.com/Dicklesworthstone/destructive_command_guard/tree/main/docs/packs"),
    };
}
