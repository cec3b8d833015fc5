using System.Diagnostics;
using System.Linq;
using AgentSafety.Analyzers.Destructive;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// The command classifier on its own. Each tool: what its documentation says destroys, the same command split, quoted
/// or wrapped, and its nearest routine look-alike.
/// </summary>
public class CliCommandClassifierTests
{
    [Theory]
    // rm on system, data and home paths, however the flags and the binary are written.
    [InlineData("rm -rf /", "shell:rm-r")]
    [InlineData("rm -rf /*", "shell:rm-r")]
    [InlineData("rm -rf /etc", "shell:rm-r")]
    [InlineData("rm -r -f /etc", "shell:rm-r")]
    [InlineData("rm -f -r /etc", "shell:rm-r")]
    [InlineData("rm --recursive --force /etc", "shell:rm-r")]
    [InlineData("rm -Rf /var/lib/postgresql/data", "shell:rm-r")]
    [InlineData("\"/bin/rm\" -rf /etc", "shell:rm-r")]
    [InlineData("/usr/bin/rm -rf /home/alice", "shell:rm-r")]
    [InlineData("rm -rf -- /etc", "shell:rm-r")]
    [InlineData("rm -rf ~", "shell:rm-r")]
    [InlineData("rm -rf ~/", "shell:rm-r")]
    [InlineData("rm -rf $HOME", "shell:rm-r")]
    [InlineData("rm -rf \"${HOME}\"/*", "shell:rm-r")]
    [InlineData("rm -rf *", "shell:rm-r")]
    [InlineData("rm -rf ./*", "shell:rm-r")]
    [InlineData("rm -rf ../..", "shell:rm-r")]
    [InlineData("rm -rf /tmp/../etc", "shell:rm-r")]
    [InlineData("rm -rf ~/.ssh", "shell:rm-r")]
    [InlineData("sudo rm -rf /srv/minio", "shell:rm-r")]
    [InlineData("sudo -u root rm -rf /data/pg", "shell:rm-r")]
    [InlineData("env LANG=C nice -n 10 rm -rf /opt/app", "shell:rm-r")]
    [InlineData("timeout 30 rm -rf /mnt/backups", "shell:rm-r")]
    [InlineData("cd /app && rm -rf /var/lib/mysql", "shell:rm-r")]
    [InlineData("sh -c 'rm -rf /etc'", "shell:rm-r")]
    [InlineData("bash -lc \"rm -rf ~\"", "shell:rm-r")]
    [InlineData("/bin/sh -c \"sudo rm -rf /var/lib/docker\"", "shell:rm-r")]
    [InlineData("echo $(rm -rf /etc)", "shell:rm-r")]
    // Block devices.
    [InlineData("dd if=/dev/zero of=/dev/sda bs=1M", "disk:dd")]
    [InlineData("mkfs.ext4 /dev/sdb1", "disk:mkfs.ext4")]
    [InlineData("mkfs -t xfs /dev/nvme1n1", "disk:mkfs")]
    [InlineData("wipefs -a /dev/sdb", "disk:wipefs")]
    [InlineData("zfs destroy -r tank/data", "zfs:destroy")]
    [InlineData("lvremove -f vg0/data", "lvremove")]
    // SQL, Redis and Mongo text, judged by the same rules as ADO.NET.
    [InlineData("psql -c 'DROP DATABASE shop'", "psql:sql:DROP")]
    [InlineData("psql -h db.internal -U postgres -c \"DROP TABLE orders\"", "psql:sql:DROP")]
    [InlineData("psql --command=\"TRUNCATE TABLE audit_log\" shop", "psql:sql:TRUNCATE")]
    [InlineData("psql -qAtc 'DELETE FROM sessions'", "psql:sql:DELETE")]
    [InlineData("PGPASSWORD=x /usr/bin/psql -d shop -c 'DROP SCHEMA billing CASCADE'", "psql:sql:DROP")]
    [InlineData("mysql -uroot -psecret -e 'DROP DATABASE shop'", "mysql:sql:DROP")]
    [InlineData("mysql --execute=\"DROP TABLE orders\" shop", "mysql:sql:DROP")]
    [InlineData("mysql -h db -u root -p -e 'TRUNCATE TABLE carts'", "mysql:sql:TRUNCATE")]
    [InlineData("sqlite3 app.db 'DROP TABLE users'", "sqlite3:sql:DROP")]
    [InlineData("sqlite3 -batch app.db \"DELETE FROM users\"", "sqlite3:sql:DELETE")]
    [InlineData("sqlcmd -S prod -Q \"DROP DATABASE Shop\"", "sqlcmd:sql:DROP")]
    [InlineData("mongosh mongodb://db/shop --eval 'db.dropDatabase()'", "mongosh:mongo:dropDatabase")]
    [InlineData("mongosh --quiet --eval \"db.orders.deleteMany({})\"", "mongosh:mongo:deleteMany")]
    [InlineData("mongo shop --eval 'db.orders.drop()'", "mongo:mongo:drop")]
    [InlineData("redis-cli FLUSHALL", "redis-cli:redis:FLUSHALL")]
    [InlineData("redis-cli -h cache -p 6379 -n 2 flushdb", "redis-cli:redis:FLUSHDB")]
    [InlineData("redis-cli -a secret SHUTDOWN NOSAVE", "redis-cli:redis:SHUTDOWN")]
    [InlineData("echo 'DROP DATABASE shop' | psql -h db", "psql:sql:DROP")]
    [InlineData("echo FLUSHALL | redis-cli -h cache", "redis-cli:redis:FLUSHALL")]
    [InlineData("psql shop <<EOF\nDROP TABLE orders;\nEOF", "psql:sql:DROP")]
    [InlineData("redis-cli -h cache <<< 'FLUSHDB'", "redis-cli:redis:FLUSHDB")]
    [InlineData("kubectl exec -it postgres-0 -n prod -- psql -c 'DROP DATABASE shop'", "psql:sql:DROP")]
    [InlineData("docker exec -u postgres db psql -c 'DROP TABLE orders'", "psql:sql:DROP")]
    [InlineData("ssh -i key.pem deploy@prod 'dropdb shop'", "dropdb")]
    [InlineData("dropdb shop", "dropdb")]
    [InlineData("dropdb -h db -U postgres shop", "dropdb")]
    [InlineData("mysqladmin -u root -p drop shop", "mysqladmin:drop")]
    [InlineData("mysqladmin -uroot -f drop shop", "mysqladmin:drop")]
    // Object stores.
    [InlineData("aws s3 rb s3://backups --force", "aws:s3:rb")]
    [InlineData("aws s3 rm s3://bucket/key", "aws:s3:rm")]
    [InlineData("aws s3 rm s3://bucket --recursive", "aws:s3:rm")]
    [InlineData("aws --profile prod --region eu-west-1 s3 rb s3://x", "aws:s3:rb")]
    [InlineData("aws s3 sync ./dist s3://site --delete", "aws:s3:sync")]
    [InlineData("gsutil rb gs://backups", "gsutil:rb")]
    [InlineData("gsutil -m rm -r gs://backups", "gsutil:rm")]
    [InlineData("gsutil rm gs://bucket/object", "gsutil:rm")]
    [InlineData("gsutil -m rsync -rd ./site gs://site", "gsutil:rsync")]
    [InlineData("gcloud storage rm --recursive gs://backups", "gcloud:storage:rm")]
    [InlineData("azcopy remove \"https://acct.blob.core.windows.net/backups\" --recursive", "azcopy:remove")]
    [InlineData("azcopy sync ./site \"https://acct.blob.core.windows.net/$web\" --delete-destination=true", "azcopy:sync")]
    [InlineData("mc rb --force local/backups", "mc:rb")]
    [InlineData("mc rm --recursive --force local/backups", "mc:rm")]
    [InlineData("mc mirror --remove ./site local/site", "mc:mirror")]
    // Clouds.
    [InlineData("aws ec2 terminate-instances --instance-ids i-0abc", "aws:ec2:terminate-instances")]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot", "aws:rds:delete-db-instance")]
    [InlineData("aws rds delete-db-cluster --db-cluster-identifier prod", "aws:rds:delete-db-cluster")]
    [InlineData("aws dynamodb delete-table --table-name orders", "aws:dynamodb:delete-table")]
    [InlineData("aws s3api delete-bucket --bucket backups", "aws:s3api:delete-bucket")]
    [InlineData("aws cloudformation delete-stack --stack-name prod", "aws:cloudformation:delete-stack")]
    [InlineData("aws ecr batch-delete-image --repository-name api --image-ids imageTag=v1", "aws:ecr:batch-delete-image")]
    [InlineData("aws kms schedule-key-deletion --key-id k1 --pending-window-in-days 7", "aws:kms:schedule-key-deletion")]
    [InlineData("aws sqs purge-queue --queue-url https://sqs/q", "aws:sqs:purge-queue")]
    [InlineData("az group delete --name prod-rg --yes", "az:group:delete")]
    [InlineData("az storage account delete -n prodstore -g rg", "az:storage:account:delete")]
    [InlineData("az storage blob delete-batch -s backups --account-name prodstore", "az:storage:blob:delete-batch")]
    [InlineData("az keyvault purge --name prod-kv", "az:keyvault:purge")]
    [InlineData("az --subscription prod sql db delete -g rg -s srv -n shop", "az:sql:db:delete")]
    [InlineData("gcloud sql instances delete orders-db", "gcloud:sql:instances:delete")]
    [InlineData("gcloud --project acme compute disks delete data-1", "gcloud:compute:disks:delete")]
    [InlineData("gcloud projects delete acme-prod --quiet", "gcloud:projects:delete")]
    [InlineData("gcloud container clusters delete prod --region europe-west1", "gcloud:container:clusters:delete")]
    [InlineData("doctl databases delete 1234 --force", "doctl:databases:delete")]
    [InlineData("doctl compute volume delete vol-1 --force", "doctl:compute:volume:delete")]
    // Kubernetes.
    [InlineData("kubectl delete namespace team-a", "kubectl:delete")]
    [InlineData("kubectl -n prod delete statefulset postgres", "kubectl:delete")]
    [InlineData("kubectl --context=prod-eu delete pvc data-postgres-0", "kubectl:delete")]
    [InlineData("kubectl --context prod-eu delete pvc data-postgres-0", "kubectl:delete")]
    [InlineData("kubectl delete pvc data --dry-run=none", "kubectl:delete")]
    [InlineData("kubectl delete pods --all -n prod", "kubectl:delete")]
    [InlineData("kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data", "kubectl:drain")]
    [InlineData("kubectl replace --force -f pvc.yaml", "kubectl:replace")]
    [InlineData("kubectl apply --prune -l app=api -f manifests/", "kubectl:apply")]
    [InlineData("oc delete project team-a", "oc:delete")]
    [InlineData("helm uninstall api -n prod", "helm:uninstall")]
    [InlineData("helm delete api", "helm:delete")]
    [InlineData("helm --kube-context prod un api", "helm:un")]
    // Infrastructure as code.
    [InlineData("terraform destroy -auto-approve", "terraform:destroy")]
    [InlineData("terraform -chdir=infra destroy", "terraform:destroy")]
    [InlineData("terraform apply -auto-approve -destroy", "terraform:apply")]
    [InlineData("terraform apply --destroy=true", "terraform:apply")]
    [InlineData("terraform apply -replace=aws_db_instance.main", "terraform:apply")]
    [InlineData("terraform state rm aws_db_instance.main", "terraform:state:rm")]
    [InlineData("terraform workspace delete staging", "terraform:workspace:delete")]
    [InlineData("tofu destroy", "tofu:destroy")]
    [InlineData("terragrunt run-all destroy", "terragrunt:run-all:destroy")]
    [InlineData("pulumi destroy --yes --stack prod", "pulumi:destroy")]
    [InlineData("pulumi stack rm prod --yes", "pulumi:stack:rm")]
    [InlineData("pulumi state delete 'urn:pulumi:prod::app::aws:rds/instance:Instance::db'", "pulumi:state:delete")]
    // Containers.
    [InlineData("docker rm -f $(docker ps -aq)", "docker:rm")]
    [InlineData("docker rm -v db", "docker:rm")]
    [InlineData("docker rmi -f app:latest", "docker:rmi")]
    [InlineData("docker image rm --force app:latest", "docker:image:rm")]
    [InlineData("docker volume rm pgdata", "docker:volume:rm")]
    [InlineData("docker volume prune -f", "docker:volume:prune")]
    [InlineData("docker system prune -a --volumes -f", "docker:system:prune")]
    [InlineData("docker -H ssh://prod compose down -v", "docker:compose:down")]
    [InlineData("docker compose -f docker-compose.prod.yml down --volumes", "docker:compose:down")]
    [InlineData("docker-compose down -v", "docker-compose:down")]
    [InlineData("docker compose rm -f -v", "docker:compose:rm")]
    [InlineData("podman volume rm pgdata", "podman:volume:rm")]
    // Platform CLIs.
    [InlineData("railway down", "railway:down")]
    [InlineData("railway volume delete vol-1", "railway:volume:delete")]
    [InlineData("fly volumes destroy vol_123 -y", "fly:volumes:destroy")]
    [InlineData("flyctl apps destroy my-app --yes", "flyctl:apps:destroy")]
    [InlineData("fly machine destroy 148ed --force", "fly:machine:destroy")]
    [InlineData("heroku apps:destroy --app shop --confirm shop", "heroku:apps:destroy")]
    [InlineData("heroku pg:reset DATABASE_URL --confirm shop", "heroku:pg:reset")]
    [InlineData("vercel remove my-app --yes", "vercel:remove")]
    [InlineData("netlify sites:delete 1234", "netlify:sites:delete")]
    [InlineData("supabase projects delete abcd", "supabase:projects:delete")]
    [InlineData("supabase db reset --linked", "supabase:db:reset")]
    [InlineData("neonctl projects delete p-1", "neonctl:projects:delete")]
    [InlineData("pscale database delete shop --force", "pscale:database:delete")]
    [InlineData("wrangler d1 delete shop", "wrangler:d1:delete")]
    [InlineData("wrangler r2 bucket delete assets", "wrangler:r2:bucket:delete")]
    [InlineData("gh repo delete acme/api --yes", "gh:repo:delete")]
    [InlineData("glab repo delete acme/api", "glab:repo:delete")]
    // Chains and wrappers: each command is judged.
    [InlineData("kubectl get pods && kubectl delete ns staging", "kubectl:delete")]
    [InlineData("make build; terraform destroy -auto-approve", "terraform:destroy")]
    [InlineData("true || helm uninstall api", "helm:uninstall")]
    [InlineData("cmd /c kubectl delete ns staging", "kubectl:delete")]
    [InlineData("pwsh -Command \"terraform destroy -auto-approve\"", "terraform:destroy")]
    [InlineData("C:\\tools\\kubectl.exe delete ns staging", "kubectl:delete")]
    [InlineData("env -S 'kubectl delete ns staging'", "kubectl:delete")]
    public void Destructive_commands_are_recognised(string command, string action)
    {
        Assert.True(CliCommandClassifier.TryClassify(command, out var found), command);
        Assert.Equal(action, found.Action);
    }

    [Theory]
    // Temp-dir cleanup and the project's own build output.
    [InlineData("rm -rf /tmp/build")]
    [InlineData("rm -rf $TMPDIR/junk")]
    [InlineData("rm -rf ${TMPDIR:-/tmp}/x")]
    [InlineData("rm -rf \"$TMPDIR\"/cache")]
    [InlineData("rm -rf /var/tmp/x /dev/shm/y")]
    [InlineData("rm -rf build")]
    [InlineData("rm -rf ./bin obj node_modules")]
    [InlineData("rm -rf ../other-checkout")]
    [InlineData("rm -rf $BUILD_DIR")]
    [InlineData("rm -rf /$APP_DIR")]
    [InlineData("rm -rf /home/runner/work/app/app/out")]
    [InlineData("rm -rf /var/lib/apt/lists/*")]
    [InlineData("rm -rf ~/.cache/pip")]
    [InlineData("rm /etc/hosts.bak")]
    [InlineData("rm -rf /tmp/x 2>/dev/null")]
    [InlineData("rm -rf /tmp/x > /var/log/cleanup.log")]
    // Commands that are only text: a message, an echo, a search.
    [InlineData("echo \"rm -rf /\"")]
    [InlineData("git commit -m \"fix rm -rf detection\"")]
    [InlineData("git commit -m 'kubectl delete ns prod is now caught'")]
    [InlineData("printf 'terraform destroy\\n'")]
    [InlineData("grep -r 'rm -rf /' scripts")]
    [InlineData("echo 'DROP TABLE x' > notes.txt")]
    [InlineData("command -v rm")]
    [InlineData("# rm -rf /\nls")]
    [InlineData("ls -la /etc")]
    // Routine database client use.
    [InlineData("psql -c 'SELECT count(*) FROM orders'")]
    [InlineData("psql -h dbhost -c 'DELETE FROM sessions WHERE expires < now()'")]
    [InlineData("psql -hlocalhost -d shop -f migrate.sql")]
    [InlineData("mysql -e 'SHOW DATABASES'")]
    [InlineData("sqlite3 app.db .dump")]
    [InlineData("mongosh --eval 'db.orders.find()'")]
    [InlineData("mongosh --eval 'db.sessions.deleteMany({ expired: true })'")]
    [InlineData("redis-cli GET key")]
    [InlineData("redis-cli -h flushall.internal INFO")]
    [InlineData("dropdb --help")]
    [InlineData("mysqladmin -u root status")]
    [InlineData("echo 'SELECT 1' | psql")]
    // Each tool's nearest look-alike.
    [InlineData("aws s3 ls s3://backups")]
    [InlineData("aws s3 cp ./a s3://b/a")]
    [InlineData("aws s3 sync ./dist s3://site")]
    [InlineData("aws ec2 describe-instances")]
    [InlineData("aws ec2 delete-tags --resources i-1 --tags Key=env")]
    [InlineData("aws sqs delete-message --queue-url u --receipt-handle r")]
    [InlineData("aws dynamodb delete-item --table-name t --key k")]
    [InlineData("aws ec2 terminate-instances --dry-run --instance-ids i-1")]
    [InlineData("az group list")]
    [InlineData("az vm list --output table | findstr delete")]
    [InlineData("az tag delete --name env")]
    [InlineData("az lock delete --name keep")]
    [InlineData("gcloud sql instances list")]
    [InlineData("gcloud compute instances list --filter delete")]
    [InlineData("gcloud config configurations delete old")]
    [InlineData("gsutil ls gs://b")]
    [InlineData("gsutil -m rsync -r ./site gs://site")]
    [InlineData("azcopy copy ./a https://acct.blob.core.windows.net/c")]
    [InlineData("azcopy sync ./a https://acct.blob.core.windows.net/c --delete-destination=false")]
    [InlineData("mc ls local/backups")]
    [InlineData("mc mirror ./site local/site")]
    [InlineData("kubectl get pods -n prod")]
    [InlineData("kubectl get events -n prod | grep delete")]
    [InlineData("kubectl logs delete-old-backups-28391")]
    [InlineData("kubectl delete pvc x --dry-run=client")]
    [InlineData("kubectl delete pod api-7d9f-x2x -n prod")]
    [InlineData("kubectl drain node-1 --ignore-daemonsets")]
    [InlineData("kubectl apply -f deploy.yaml")]
    [InlineData("helm list --all-namespaces")]
    [InlineData("helm uninstall api --dry-run")]
    [InlineData("helm upgrade --install api ./chart")]
    [InlineData("terraform plan -destroy")]
    [InlineData("terraform plan -out plan.tfplan")]
    [InlineData("terraform apply plan.tfplan")]
    [InlineData("terraform state list")]
    [InlineData("pulumi preview")]
    [InlineData("pulumi up --yes")]
    [InlineData("pulumi destroy --preview-only")]
    [InlineData("docker ps -a")]
    [InlineData("docker compose down")]
    [InlineData("docker-compose down --remove-orphans")]
    [InlineData("docker rm stopped-container")]
    [InlineData("docker rmi app:old")]
    [InlineData("docker system prune -f")]
    [InlineData("docker image prune -f")]
    [InlineData("docker compose up -d")]
    [InlineData("docker run --rm alpine rm -rf /tmp/x")]
    [InlineData("fly volumes list")]
    [InlineData("supabase db reset")]
    [InlineData("gh repo view acme/api")]
    [InlineData("wrangler deploy")]
    [InlineData("railway up")]
    [InlineData("doctl compute droplet list")]
    [InlineData("dd if=/dev/zero of=/tmp/disk.img bs=1M count=10")]
    [InlineData("dd if=/dev/sda of=backup.img")]
    [InlineData("wipefs /dev/sdb")]
    [InlineData("mkfs.ext4 disk.img")]
    [InlineData("kubectl help delete")]
    [InlineData("terraform destroy --help")]
    public void Routine_commands_are_not(string command) => Assert.False(CliCommandClassifier.TryClassify(command, out var found), command + " => " + found.What);

    [Fact]
    public void An_argument_vector_is_judged_word_by_word()
    {
        Assert.True(CliCommandClassifier.TryClassifyArguments(new[] { "psql", "-c", "DROP DATABASE shop" }, out var sql));
        Assert.Equal("psql:sql:DROP", sql.Action);
        Assert.True(CliCommandClassifier.TryClassifyArguments(new[] { "/bin/rm", "-r", "-f", "/etc" }, out _));
        Assert.False(CliCommandClassifier.TryClassifyArguments(new[] { "git", "commit", "-m", "rm -rf /" }, out _));
        Assert.False(CliCommandClassifier.TryClassifyArguments(new[] { "echo", "kubectl delete ns prod" }, out _));
    }

    [Fact]
    public void The_finding_names_the_command_as_the_tool_reads_it()
    {
        Assert.True(CliCommandClassifier.TryClassify("\"/usr/bin/terraform\" -chdir=infra destroy -auto-approve", out var terraform));
        Assert.Equal("terraform destroy", terraform.What);
        Assert.True(CliCommandClassifier.TryClassify("rm -r -f /etc", out var rm));
        Assert.Equal("rm -r -f /etc", rm.What);
        Assert.True(CliCommandClassifier.TryClassify("psql -c 'DROP DATABASE shop'", out var psql));
        Assert.Equal("psql DROP DATABASE shop", psql.What);
    }

    [Fact]
    public void A_long_hostile_command_line_is_classified_in_linear_time()
    {
        var hostile = string.Concat(Enumerable.Repeat("$( \"' `(( ${ -- -rf ", 2000)) + string.Concat(Enumerable.Repeat("a -b --c=d ", 3000));
        var watch = Stopwatch.StartNew();
        CliCommandClassifier.TryClassify(hostile, out _);
        CliCommandClassifier.TryClassify("kubectl " + string.Concat(Enumerable.Repeat("--x y ", 5000)) + "get pods", out _);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Every_program_the_tables_name_passes_the_unparsed_pre_check_however_it_is_written()
    {
        var tools = DestructiveCliCommands.Shells
            .Concat(new[] { "cmd", "powershell", "pwsh" })
            .Concat(DestructiveCliCommands.RemoteRunners.SelectMany(r => r.Tools.Split('|')))
            .Concat(DestructiveCliCommands.TextCarriers.SelectMany(c => c.Tools))
            .Concat(DestructiveCliCommands.RecursiveRemovers.SelectMany(r => r.Tools.Split('|')))
            .Concat(DestructiveCliCommands.DeviceWriters.SelectMany(w => w.Tools.Split('|')))
            .Concat(DestructiveCliCommands.Rules.SelectMany(r => r.Tools))
            .Select(t => t.Replace("*", "ext4"))
            .Distinct()
            .ToList();
        Assert.True(tools.Count > 40, "the tables name " + tools.Count + " programs");
        foreach (var tool in tools)
        {
            Assert.True(CliCommandClassifier.IsKnownTool(tool), tool);
            foreach (var written in new[] { tool + " x", "/usr/local/bin/" + tool + " x", "X=1 " + tool.ToUpperInvariant() + ".EXE x", "cd /a && " + tool, "echo hi|" + tool })
            {
                Assert.True(CliCommandClassifier.MayNameKnownTool(written), written);
            }
        }
    }

    [Theory]
    [InlineData("status --verbose --item 0")]
    [InlineData("list --all --page 4")]
    [InlineData("/opt/tools/report.exe --out /tmp/r.csv")]
    [InlineData("rmdir-report --since 2024")]
    public void A_line_that_names_no_known_program_and_has_no_quoting_is_let_go_unparsed(string command) =>
        Assert.False(CliCommandClassifier.MayNameKnownTool(command), command);

    [Theory]
    [InlineData("r\\m -rf /etc")]
    [InlineData("'rm' -rf /etc")]
    [InlineData("\"r\"m -rf /etc")]
    [InlineData("$(printf rm) -rf /etc")]
    public void Quoting_or_expansion_sends_the_line_to_the_parser(string command) =>
        Assert.True(CliCommandClassifier.MayNameKnownTool(command), command);
}
