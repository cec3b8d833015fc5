using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>The built-in catalogue against the real SDK assemblies: a typo in a line would silently protect nothing.</summary>
public class BuiltInCatalogueTests
{
    /// <summary>
    /// SDKs whose packages the registry this project builds from does not serve. Their lines were written from the SDKs'
    /// published sources; <see cref="UnservedSdkTests"/> checks them against stubs of the exact signatures.
    /// </summary>
    private static readonly string[] UnservedNamespaces =
    {
        "Amazon.RDS", "Amazon.Backup", "Amazon.CloudFormation", "Amazon.ElasticFileSystem", "Amazon.IdentityManagement", "Pulumi.Automation",
    };

    /// <summary>
    /// AWSSDK ships its synchronous methods only in its .NET Framework (net472) build, so these lines resolve for
    /// .NET Framework projects and not against the net10.0 build this test compiles with (checked by hand in the
    /// package's lib/net472 documentation file: M:Amazon.S3.IAmazonS3.DeleteBucket(...), M:Amazon.S3.Util.AmazonS3Util.DeleteS3BucketWithObjects(...)).
    /// </summary>
    private static readonly string[] NetFrameworkOnly =
    {
        "M:Amazon.S3.IAmazonS3.DeleteBucket(*)",
        "M:Amazon.S3.Util.AmazonS3Util.DeleteS3BucketWithObjects(*)",
    };

    [Fact]
    public async Task Every_line_for_a_referenced_sdk_names_a_type_and_a_method_that_exist()
    {
        var compilation = await TestReferences.CompileAsync("Catalogue");
        var problems = new List<string>();

        foreach (var entry in DestructiveApiCatalog.BuiltIn)
        {
            if (entry.Kind == CatalogueEntryKind.ExactMethod)
            {
                // One overload by its documentation ID: it must name a method of a referenced assembly.
                if (!DocumentationCommentId.GetSymbolsForDeclarationId(entry.Id, compilation).OfType<IMethodSymbol>().Any())
                {
                    problems.Add($"{entry.Id}: no method has this documentation ID");
                }

                continue;
            }

            var type = compilation.GetTypeByMetadataName(entry.TypeMetadataName);
            if (type is null)
            {
                if (!UnservedNamespaces.Any(ns => entry.TypeMetadataName.StartsWith(ns + ".", StringComparison.Ordinal)))
                {
                    problems.Add($"{entry.Id}: no type {entry.TypeMetadataName}");
                }

                continue;
            }

            var hasMethod = type.GetMembers(entry.MethodName).OfType<IMethodSymbol>().Any()
                || type.AllInterfaces.Any(i => i.GetMembers(entry.MethodName).OfType<IMethodSymbol>().Any());
            if (NetFrameworkOnly.Contains(entry.Id))
            {
                // The list must not outlive the reason for it.
                if (hasMethod)
                {
                    problems.Add($"{entry.Id}: now resolves on net10.0; take it off NetFrameworkOnly");
                }
            }
            else if (!hasMethod)
            {
                problems.Add($"{entry.Id}: {entry.TypeMetadataName} has no method {entry.MethodName}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(DestructiveApiCatalog.BuiltIn.Count > 90, "the built-in catalogue did not load");
    }
}
