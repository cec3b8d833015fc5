using AgentSafety.Analyzers.Destructive;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>The text rules of ASA202 on their own: what destroys, and its nearest routine look-alike.</summary>
public class CommandTextClassifierTests
{
    [Theory]
    [InlineData("DROP TABLE orders")]
    [InlineData("drop database if exists shop;")]
    [InlineData("DROP SCHEMA billing CASCADE")]
    [InlineData("TRUNCATE TABLE audit_log")]
    [InlineData("DELETE FROM orders")]
    [InlineData("DELETE FROM dbo.[Orders];")]
    [InlineData("DELETE FROM orders o RETURNING o.id")]
    [InlineData("DELETE FROM sessions; DELETE FROM users WHERE id = @id")]
    [InlineData("ALTER TABLE orders DROP COLUMN total")]
    public void Destructive_sql_is_recognised(string sql) => Assert.True(CommandTextClassifier.TryClassifySql(sql, out _), sql);

    [Theory]
    [InlineData("DELETE FROM orders WHERE id = @id")]
    [InlineData("DELETE FROM orders\n    WHERE id = @id")]
    [InlineData("DELETE FROM orders AS o\r\nWHERE o.id = @id")]
    [InlineData("DELETE FROM orders USING customers c WHERE orders.customer_id = c.id")]
    [InlineData("DROP TABLE #staging_orders")]
    [InlineData("DROP TABLE IF EXISTS #scratch")]
    [InlineData("SELECT * FROM orders WHERE status = 'deleted'")]
    [InlineData("UPDATE orders SET dropped = 1 WHERE id = @id")]
    public void Routine_sql_is_not(string sql) => Assert.False(CommandTextClassifier.TryClassifySql(sql, out _), sql);

    [Theory]
    [InlineData("kubectl delete namespace team-a")]
    [InlineData("kubectl -n prod delete statefulset postgres")]
    [InlineData("kubectl --context=prod-eu delete pvc data-postgres-0")]
    [InlineData("az group delete --name prod-rg --yes")]
    [InlineData("gcloud sql instances delete orders-db")]
    [InlineData("gcloud --project acme compute disks delete data-1")]
    [InlineData("doctl databases delete 1234")]
    [InlineData("terraform apply -auto-approve -destroy")]
    [InlineData("railway volume delete vol-1")]
    public void Destructive_commands_are_recognised(string command) => Assert.True(CommandTextClassifier.TryClassifyCommand(command, out _), command);

    [Theory]
    [InlineData("kubectl get pods -n prod")]
    [InlineData("kubectl get events -n prod | grep delete")]
    [InlineData("az vm list --output table | findstr delete")]
    [InlineData("gcloud sql instances list")]
    [InlineData("terraform plan -out plan.tfplan")]
    [InlineData("helm list --all-namespaces")]
    public void Routine_commands_are_not(string command) => Assert.False(CommandTextClassifier.TryClassifyCommand(command, out _), command);
}
