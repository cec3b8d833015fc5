using System.Linq;
using AgentSafety.Shared;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>The shared classifier that ASA301 and EnvironmentGuard both compile in.</summary>
public class EnvironmentClassifierTests
{
    [Theory]
    [InlineData(typeof(Npgsql.NpgsqlConnectionStringBuilder), "Host")]
    [InlineData(typeof(Microsoft.Data.SqlClient.SqlConnectionStringBuilder), "DataSource")]
    public void A_builder_that_sets_no_locating_property_never_builds_a_connection_string(System.Type builder, string locating)
    {
        // ASA301 asks the semantic model for the type of new() { ... } only when a property set is a locating key: every
        // other property of the real builders, all set at once to a host or a URL, must still not read as a connection string.
        var properties = builder.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0).Select(p => p.Name).ToList();
        var others = properties.Where(p => !EnvironmentClassifier.IsLocatingKey(p)).ToList();
        Assert.Contains(locating, properties);
        Assert.True(EnvironmentClassifier.IsLocatingKey(locating));
        Assert.True(others.Count > 20, builder.Name + " has fewer properties than expected: " + others.Count);
        foreach (var value in new[] { "prod-db.internal", "postgres://app@prod-db.internal:5432/shop", "shop_production" })
        {
            var pairs = string.Concat(others.Select(p => p + "=" + value + ";"));
            Assert.False(EnvironmentClassifier.TryParseConnectionString(pairs, out _), builder.Name + " without a locating property, each set to " + value);
            Assert.True(EnvironmentClassifier.TryParseConnectionString(locating + "=" + value + ";" + pairs, out _), builder.Name + " with " + locating + " set to " + value);
        }
    }

    [Theory]
    [InlineData("Host=prod-db.example.com;Database=shop;Username=app", "Production")]
    [InlineData("Server=tcp:shop-prd.database.windows.net,1433;Initial Catalog=shop;Encrypt=True", "Production")]
    [InlineData("Host=db.internal;Database=shop_production", "Production")]
    [InlineData("Host=proddb01.internal;Database=shop", "Production")]
    [InlineData("Host=db-live.internal;Database=shop", "Production")]
    [InlineData("postgres://app@prod-pg.internal:5432/shop?sslmode=require", "Production")]
    [InlineData("postgresql://app@pg.internal/shop_prod", "Production")]
    [InlineData("mongodb+srv://app@prod-cluster.abcde.mongodb.net/shop", "Production")]
    [InlineData("redis://prod-cache.internal:6379/0", "Production")]
    [InlineData("amqps://app@rabbit-prod.internal/shop", "Production")]
    [InlineData("prod-redis.internal:6379,password=placeholder,ssl=True", "Production")]
    [InlineData("Endpoint=sb://shop-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=placeholder", "Production")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=shopprodstore;AccountKey=placeholder;EndpointSuffix=core.windows.net", "Production")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=myappstgstorage;AccountKey=placeholder;EndpointSuffix=core.windows.net", "Staging")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=stcontosoprod001;AccountKey=placeholder;EndpointSuffix=core.windows.net", "Production")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prodstorage;AccountKey=placeholder;EndpointSuffix=core.windows.net", "Production")]
    [InlineData("Host=staging-db.example.com;Database=shop", "Staging")]
    [InlineData("Host=db.stg.example.com;Database=shop", "Staging")]
    [InlineData("Host=db.internal;Database=shop_uat", "Staging")]
    [InlineData("Host=pre-prod-db.internal;Database=shop", "Staging")]
    [InlineData("Host=preprod.internal;Database=shop", "Staging")]
    [InlineData("Host=nonprod-db.internal;Database=shop", "Staging")]
    [InlineData("Host=qa-db.internal;Database=shop", "Test")]
    [InlineData("Host=db.internal;Database=shop_test", "Test")]
    [InlineData("Host=sandbox.internal;Database=shop", "Test")]
    [InlineData("Host=dev-db.internal;Database=shop", "Development")]
    [InlineData("Host=localhost;Database=shop_production", "Development")]
    [InlineData("Server=(localdb)\\MSSQLLocalDB;Database=shop;Trusted_Connection=True", "Development")]
    [InlineData("Server=127.0.0.1,1433;Database=shop;User Id=sa", "Development")]
    [InlineData("mongodb://localhost:27017/shop", "Development")]
    [InlineData("UseDevelopmentStorage=true", "Development")]
    [InlineData("AccountEndpoint=https://localhost:8081/;AccountKey=placeholder", "Development")]
    [InlineData("Data Source=staging.db", "Staging")]
    [InlineData("Server=PRODSQL01;Database=erp;Trusted_Connection=True", "Production")]
    [InlineData("Server=sqlprod01.corp.local;Database=erp;Trusted_Connection=True", "Production")]
    [InlineData("Host=pg.myshop.dev;Database=shop_staging", "Staging")]
    [InlineData("Host=postgres.staging.svc.cluster.local;Database=shop", "Staging")]
    [InlineData("Host=shopprod.internal;Database=shop", "Production")]
    [InlineData("Host=crmdev.internal;Database=crm", "Development")]
    [InlineData("Host=db.internal;Database=ShopProd", "Production")]
    [InlineData("Host=10.0.1.5;Database=prod;Username=staging_reader", "Production")]
    public void Classifies_connection_strings(string connectionString, string expected)
    {
        Assert.Equal(expected, EnvironmentClassifier.ClassifyConnectionString(connectionString).ToString());
    }

    [Theory]
    [InlineData("Host=product-catalog.example.com;Database=product_catalog")]
    [InlineData("Host=db.example.com;Database=latest_devices")]
    [InlineData("Host=contest.example.com;Database=staged_orders")]
    [InlineData("Host=livestream.example.com;Database=deliveries")]
    [InlineData("Host=reproducer.example.com;Database=productivity")]
    [InlineData("Host=olive.example.com;Database=greatest_hits")]
    [InlineData("Host=devices.example.com;Database=products")]
    [InlineData("Host=latestdata.example.com;Database=productdb")]
    [InlineData("Host=db.internal;Database=shop")]
    [InlineData("Host=staging-copy-of-prod.internal;Database=shop")]
    public void Word_boundaries_and_ambiguity_give_unknown(string connectionString)
    {
        Assert.Equal(DeploymentEnvironment.Unknown, EnvironmentClassifier.ClassifyConnectionString(connectionString));
    }

    [Theory]
    [InlineData("PROD_DATABASE_URL")]
    [InlineData("ConnectionStrings__Production")]
    [InlineData("https://prod.example.com/api")]
    [InlineData("a=1,b=2")]
    [InlineData("address=prod.example.com")]
    [InlineData("SELECT * FROM t WHERE a = 1; DROP TABLE x")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_not_a_connection_string(string? text)
    {
        Assert.False(EnvironmentClassifier.TryParseConnectionString(text!, out var info));
        Assert.Null(info);
    }

    [Fact]
    public void Parses_hosts_and_database_without_credentials()
    {
        Assert.True(EnvironmentClassifier.TryParseConnectionString("postgres://app:placeholder@pg1.internal:5432,pg2.internal:5432/shop", out var info));
        Assert.Equal(new[] { "pg1.internal", "pg2.internal" }, info!.Hosts);
        Assert.Equal("shop", info.Database);
        Assert.DoesNotContain("placeholder", info.Describe());
    }

    [Theory]
    [InlineData("Production", "Production")]
    [InlineData("prod", "Production")]
    [InlineData("Staging", "Staging")]
    [InlineData("UAT", "Staging")]
    [InlineData("Development", "Development")]
    [InlineData("Local", "Development")]
    [InlineData("Test", "Test")]
    [InlineData("QA", "Test")]
    [InlineData("Blue", "Unknown")]
    [InlineData("", "Unknown")]
    [InlineData(null, "Unknown")]
    public void Classifies_environment_names(string? name, string expected)
    {
        Assert.Equal(expected, EnvironmentClassifier.ClassifyEnvironmentName(name).ToString());
    }

    [Theory]
    [InlineData("appsettings.Production.json", "Production")]
    [InlineData("/src/App/appsettings.Staging.json", "Staging")]
    [InlineData("appsettings.Development.json", "Development")]
    [InlineData("appsettings.json", "Unknown")]
    [InlineData(".env.staging", "Staging")]
    [InlineData(".env.production.local", "Production")]
    [InlineData("appsettings.Local.json", "Development")]
    [InlineData("staging.env", "Staging")]
    [InlineData(".env", "Unknown")]
    [InlineData("deploy/production/.env", "Production")]
    [InlineData("src/ProductCatalog/appsettings.json", "Unknown")]
    [InlineData("/repo/PocketOps.Staging/appsettings.json", "Unknown")]
    [InlineData("C:\\repo\\config\\staging\\.env", "Staging")]
    public void Classifies_file_paths(string path, string expected)
    {
        Assert.Equal(expected, EnvironmentClassifier.ClassifyFilePath(path).ToString());
    }

    [Theory]
    [InlineData("ConnectionStrings:Production", "Production")]
    [InlineData("ConnectionStrings:ProductionDb", "Production")]
    [InlineData("ConnectionStrings:StagingDatabase", "Staging")]
    [InlineData("STAGING_DATABASE_URL", "Staging")]
    [InlineData("prodConnection", "Production")]
    [InlineData("ConnectionStrings:ProductCatalog", "Unknown")]
    [InlineData("ConnectionStrings:Default", "Unknown")]
    public void Classifies_configuration_keys(string key, string expected)
    {
        Assert.Equal(expected, EnvironmentClassifier.ClassifyKey(key).ToString());
    }
}
