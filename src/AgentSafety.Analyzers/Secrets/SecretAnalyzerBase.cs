using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// The scanning both secrets rules share: C# string literals (with the name they are bound to), constants passed to
/// credential parameters, and AdditionalFiles. Generated code is analyzed: generated settings classes are where
/// connection strings and keys often end up.
/// </summary>
public abstract class SecretAnalyzerBase : DiagnosticAnalyzer
{
    internal const string EnvironmentVariableProperty = "EnvironmentVariable";

    /// <summary>Credential parameters, by containing type name and parameter name: a constant here is a hardcoded credential.</summary>
    private static readonly Dictionary<string, string[]> Sinks = new(StringComparer.Ordinal)
    {
        ["NetworkCredential"] = new[] { "password" },
        ["BasicAWSCredentials"] = new[] { "secretKey" },
        ["SessionAWSCredentials"] = new[] { "awsSecretAccessKey", "token" },
        ["StorageSharedKeyCredential"] = new[] { "accountKey" },
        ["CosmosClient"] = new[] { "authKeyOrResourceToken" },
        ["AzureKeyCredential"] = new[] { "key" },
        ["AuthenticationHeaderValue"] = new[] { "parameter" },
        ["StripeClient"] = new[] { "apiKey" },
        ["GitHubClient"] = new[] { "token" },
        ["Credentials"] = new[] { "token", "password" },
    };

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var railwayTrees = new ConcurrentDictionary<SyntaxTree, bool>();
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c), SyntaxKind.StringLiteralExpression);
            start.RegisterOperationAction(c => AnalyzeCreation(c, railwayTrees), OperationKind.ObjectCreation);
            start.RegisterAdditionalFileAction(AnalyzeAdditionalFile);
        });
    }

    /// <summary>Reports what this rule reports of a finding; at most one diagnostic per finding site.</summary>
    private protected abstract Diagnostic? Report(SecretFinding finding, Location location, string value);

    private void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < 8)
        {
            return;
        }

        foreach (var finding in SecretScanner.Scan(value, Bindings.BindingName(literal)))
        {
            var diagnostic = Report(finding, literal.GetLocation(), value);
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
                return;
            }
        }
    }

    /// <summary>A constant, not a literal written in place (that one the literal action sees), passed to a credential parameter.</summary>
    private void AnalyzeCreation(OperationAnalysisContext context, ConcurrentDictionary<SyntaxTree, bool> railwayTrees)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { } type || !Sinks.TryGetValue(type.Name, out var parameters))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is null || Array.IndexOf(parameters, argument.Parameter.Name) < 0)
            {
                continue;
            }

            if ((argument.Value.ConstantValue.Value as string ?? FollowedText(argument.Value)) is not { } value)
            {
                // Scope shows where the token goes, not where it comes from: a Bearer token read at run time and sent to
                // Railway's GraphQL API is an account or team token, where a project token would do.
                if (type.Name == "AuthenticationHeaderValue" && argument.Parameter.Name == "parameter" && IsBearer(creation)
                    && MentionsRailway(creation.Syntax.SyntaxTree, railwayTrees, context.CancellationToken)
                    && Report(SecretScanner.RailwayAccountTokenInUse(), argument.Syntax.GetLocation(), string.Empty) is { } inUse)
                {
                    context.ReportDiagnostic(inUse);
                }

                continue;
            }

            // A literal written in place is the literal action's, unless its own place names nothing secret:
            // new NetworkCredential("svc", "...") binds the password to no name, and only the parameter tells.
            if (argument.Value.Syntax is LiteralExpressionSyntax literal && SecretScanner.Scan(value, Bindings.BindingName(literal)).Count > 0)
            {
                continue;
            }

            var declaredName = (argument.Value as IFieldReferenceOperation)?.Field.Name ?? (argument.Value as ILocalReferenceOperation)?.Local.Name;
            var bearerToRailway = type.Name == "AuthenticationHeaderValue" && IsBearer(creation)
                && MentionsRailway(creation.Syntax.SyntaxTree, railwayTrees, context.CancellationToken);

            // Bound to its own secret-looking name, the constant was reported at its declaration already.
            var atDeclaration = declaredName is not null && SecretScanner.Scan(value, declaredName).Count > 0;
            var findings = SecretScanner.Scan(value, bearerToRailway ? "railway_api_token" : "secret_" + argument.Parameter.Name);
            if (findings.Count == 0 && value.Length >= 8 && !bearerToRailway)
            {
                findings.Add(new SecretFinding("credential", "constant passed as " + type.Name + " " + argument.Parameter.Name, 0, value.Length, SecretScanner.ToEnvironmentName(declaredName ?? argument.Parameter.Name)));
            }

            foreach (var finding in findings)
            {
                if (atDeclaration && (!bearerToRailway || finding.OverScope is null))
                {
                    continue;
                }

                // Already reported as a secret where it is declared; here only the scope of where it is sent is news.
                // "secret_password" only told the scanner the value is a secret; the fix's variable is named after what
                // holds the value, or after the parameter it is passed to (NETWORK_CREDENTIAL_PASSWORD).
                var environmentVariable = finding.EnvironmentVariable.StartsWith("SECRET_", StringComparison.Ordinal)
                    ? SecretScanner.ToEnvironmentName(declaredName ?? type.Name + "_" + argument.Parameter.Name)
                    : finding.EnvironmentVariable;
                var reported = new SecretFinding(finding.Provider, finding.Kind, finding.Start, finding.Length, environmentVariable, finding.OverScope, finding.Narrower, isSecret: finding.IsSecret && !atDeclaration);
                var diagnostic = Report(reported, argument.Syntax.GetLocation(), value);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The one literal a <c>static readonly</c> field or a local assigned once holds, as far as source shows it; null
    /// when it holds anything else (a read from configuration, a parameter, text with holes).
    /// </summary>
    private static string? FollowedText(IOperation value)
    {
        if (value is not (IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } } or ILocalReferenceOperation))
        {
            return null;
        }

        var texts = Common.ConstantText.Collect(value);
        return texts.Count == 1 && texts[0].IndexOf("{…}", StringComparison.Ordinal) < 0 ? texts[0] : null;
    }

    /// <summary>Whether the file sends anything to Railway's GraphQL API; read once per file and compilation.</summary>
    private static bool MentionsRailway(SyntaxTree tree, ConcurrentDictionary<SyntaxTree, bool> cache, System.Threading.CancellationToken cancellationToken) =>
        cache.GetOrAdd(tree, t => t.GetText(cancellationToken).ToString().IndexOf("backboard.railway.", StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool IsBearer(IObjectCreationOperation creation) =>
        creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue.Value is string scheme && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    private void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!SecretSites.IsConfigurationFile(file.Path))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null || text.Length > SecretSites.MaxAdditionalFileLength)
        {
            return;
        }

        foreach (var (key, value, span) in SecretSites.ConfigurationValues(text, file.Path))
        {
            foreach (var finding in SecretScanner.Scan(value, key))
            {
                var start = span.Start + Math.Max(0, Math.Min(finding.Start, span.Length));
                var findingSpan = new Microsoft.CodeAnalysis.Text.TextSpan(start, Math.Max(0, Math.Min(finding.Length, span.End - start)));
                var location = Location.Create(file.Path, findingSpan, text.Lines.GetLinePositionSpan(findingSpan));
                var diagnostic = Report(finding, location, value);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                    break;
                }
            }
        }
    }

    private protected static ImmutableDictionary<string, string?> Properties(SecretFinding finding) =>
        ImmutableDictionary<string, string?>.Empty.Add(EnvironmentVariableProperty, finding.EnvironmentVariable);
}
