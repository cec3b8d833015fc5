using AgentSafety.Analyzers.Common;
using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// The action name a diagnostic hands to the code fix, and so the name a person approves: stable, readable, and the same
/// for every call of one operation (<c>aws:s3:DeleteBucket</c>, <c>azure:blob:DeleteContainer</c>, <c>sql:DROP TABLE</c>,
/// <c>railway:volumeDelete</c>, <c>cli:terraform destroy</c>). What the action is done to is the resource's business.
/// </summary>
internal static class ActionNames
{
    // Namespace prefix of an SDK → the provider and service part of its actions. Longest prefix first.
    private static readonly (string Namespace, string Prefix)[] Services =
    {
        ("Amazon.DynamoDBv2", "aws:dynamodb"),
        ("Amazon.KeyManagementService", "aws:kms"),
        ("Amazon.S3", "aws:s3"),
        ("Amazon.EC2", "aws:ec2"),
        ("Amazon.RDS", "aws:rds"),
        ("Amazon.Lambda", "aws:lambda"),
        ("Amazon.CloudFormation", "aws:cloudformation"),
        ("Azure.Storage.Blobs", "azure:blob"),
        ("Azure.Storage.Files.DataLake", "azure:datalake"),
        ("Azure.Storage.Files.Shares", "azure:files"),
        ("Azure.Storage.Queues", "azure:queue"),
        ("Azure.Data.Tables", "azure:tables"),
        ("Azure.Security.KeyVault.Secrets", "azure:keyvault:secrets"),
        ("Azure.Security.KeyVault.Certificates", "azure:keyvault:certificates"),
        ("Azure.Security.KeyVault.Keys", "azure:keyvault:keys"),
        ("Azure.Messaging.ServiceBus", "azure:servicebus"),
        ("Azure.ResourceManager.Compute", "azure:compute"),
        ("Azure.ResourceManager.Resources", "azure:resources"),
        ("Azure.ResourceManager.Storage", "azure:storage"),
        ("Azure.ResourceManager.Sql", "azure:sql"),
        ("Azure.ResourceManager", "azure:arm"),
        ("Microsoft.Azure.Cosmos", "azure:cosmos"),
        ("Microsoft.EntityFrameworkCore", "efcore"),
        ("Google.Cloud.Storage", "gcp:storage"),
        ("Google.Cloud", "gcp"),
        ("StackExchange.Redis", "redis"),
        ("MongoDB.Driver", "mongodb"),
        ("Docker.DotNet", "docker"),
        ("Octokit", "github"),
        ("Pulumi", "pulumi"),
        ("k8s", "kubernetes"),
    };

    private static readonly (string Host, string Platform)[] Platforms =
    {
        ("railway.app", "railway"), ("railway.com", "railway"), ("fly.io", "fly"), ("machines.dev", "fly"), ("digitalocean.com", "digitalocean"),
        ("render.com", "render"), ("heroku.com", "heroku"), ("vercel.com", "vercel"), ("cloudflare.com", "cloudflare"), ("azure.com", "azure"),
        ("netlify.com", "netlify"),
    };

    /// <summary>ASA201: provider and service from the namespace, then the method, named with its type's noun when the method alone says only "Delete".</summary>
    public static string ForMethod(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var prefix = "app";
        foreach (var (name, service) in Services)
        {
            if (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal))
            {
                prefix = service;
                break;
            }
        }

        if (prefix == "app" && ns.StartsWith("Amazon.", StringComparison.Ordinal))
        {
            prefix = "aws:" + ns.Split('.')[1].ToLowerInvariant();
        }

        var verb = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name;
        if (prefix != "app" && verb is "Delete" or "DeleteIfExists" or "Drop" or "Purge" && method.ContainingType is { } type)
        {
            verb = verb.Substring(0, verb.Length - (verb.EndsWith("IfExists", StringComparison.Ordinal) ? 8 : 0)) + Noun(type, prefix)
                + (verb.EndsWith("IfExists", StringComparison.Ordinal) ? "IfExists" : string.Empty);
        }

        return prefix + ":" + verb;
    }

    /// <summary>BlobContainerClient in azure:blob → "Container"; VirtualMachineResource → "VirtualMachine".</summary>
    private static string Noun(INamedTypeSymbol type, string prefix)
    {
        var name = type.Name;
        if (type.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        foreach (var suffix in new[] { "Client", "Resource", "Collection" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        var service = prefix.Split(':').Last();
        if (name.Length > service.Length && name.StartsWith(service, StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(service.Length);
        }

        return name;
    }

    /// <summary>ASA202: the action of destructive text, named by what executes it and where it is sent.</summary>
    public static string ForText(DestructiveText found, IOperation executor)
    {
        switch (found.Kind)
        {
            case "SQL":
                var words = found.What.Split(' ');
                var twoWords = words.Length > 1 && words[1].ToUpperInvariant() is "TABLE" or "DATABASE" or "SCHEMA" or "FROM";
                return "sql:" + (twoWords ? words[0].ToUpperInvariant() + " " + words[1].ToUpperInvariant() : words[0].ToUpperInvariant());
            case "GraphQL mutation":
                return (PlatformOf(executor) ?? "graphql") + ":" + found.What;
            case "command":
                // "terraform:destroy" → "cli:terraform destroy": what a person would type.
                return "cli:" + (found.Action == "shell:rm-rf" ? "rm -rf" : found.Action.Replace(':', ' '));
            default:
                return found.Action;
        }
    }

    private static string? PlatformOf(IOperation executor)
    {
        if (executor is not IInvocationOperation invocation)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            foreach (var text in ConstantText.Collect(argument.Value))
            {
                foreach (var (host, platform) in Platforms)
                {
                    if (text.IndexOf(host, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return platform;
                    }
                }
            }
        }

        return null;
    }
}
