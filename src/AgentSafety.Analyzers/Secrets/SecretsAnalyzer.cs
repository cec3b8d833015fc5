using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using AgentSafety.Analyzers.Common;
using AgentSafety.Shared;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// ASA101 (a secret written into C# or a configuration file, shown only redacted) and ASA102 (a credential whose scope
/// is visibly wider than the job) from one scan: each candidate (a C# string literal with the name it is bound to, a
/// constant that reaches a credential sink, a configuration value) is scanned once, and both rules read the same
/// findings. Generated code is analyzed: generated settings classes are where connection strings and keys end up.
/// </summary>
// Hosted by AgentSafetyAnalyzer, the one analyzer the compiler loads: no [DiagnosticAnalyzer] here, or it would run twice.
#pragma warning disable RS1001 // see above
public sealed class SecretsAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    /// <summary>The diagnostic property that names the environment variable the ASA101 fix reads the secret from.</summary>
    internal const string EnvironmentVariableProperty = "EnvironmentVariable";

    /// <summary>Where the secret starts in the literal's value, and how long it is: the fix replaces that part only.</summary>
    internal const string SecretStartProperty = "SecretStart";

    internal const string SecretLengthProperty = "SecretLength";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedSecret, Descriptors.OverScopedCredential);

    /// <summary>
    /// Credential parameters, by the containing type's simple name (the cheap rejection), then its metadata name (the
    /// match, by symbol: a team's own <c>NetworkCredential</c> is not the SDK's) and the parameter names: a constant here
    /// is a hardcoded credential.
    /// </summary>
    private static readonly Dictionary<string, (string MetadataName, string[] Parameters)> Sinks = new(StringComparer.Ordinal)
    {
        ["NetworkCredential"] = ("System.Net.NetworkCredential", new[] { "password" }),
        ["BasicAWSCredentials"] = ("Amazon.Runtime.BasicAWSCredentials", new[] { "secretKey" }),
        ["SessionAWSCredentials"] = ("Amazon.Runtime.SessionAWSCredentials", new[] { "awsSecretAccessKey", "token" }),
        ["StorageSharedKeyCredential"] = ("Azure.Storage.StorageSharedKeyCredential", new[] { "accountKey" }),
        ["CosmosClient"] = ("Microsoft.Azure.Cosmos.CosmosClient", new[] { "authKeyOrResourceToken" }),
        ["AzureKeyCredential"] = ("Azure.AzureKeyCredential", new[] { "key" }),
        ["AuthenticationHeaderValue"] = ("System.Net.Http.Headers.AuthenticationHeaderValue", new[] { "parameter" }),

        // Stripe.net is not among the test references; the metadata name is the one its sources declare
        // (namespace Stripe, class StripeClient, constructor parameter apiKey).
        ["StripeClient"] = ("Stripe.StripeClient", new[] { "apiKey" }),

        // Octokit 14 has no GitHubClient constructor that takes a token (the token goes through Credentials); kept so a
        // version that adds one is covered.
        ["GitHubClient"] = ("Octokit.GitHubClient", new[] { "token" }),
        ["Credentials"] = ("Octokit.Credentials", new[] { "token", "password" }),
    };

    /// <summary>
    /// A bit per (length, first letter) of a sink's type name (<see cref="InvocationNames.ShapeOf"/>): most creations of a
    /// code base are let go by this one read, before their type's name is hashed and the table looked up. A bit per length
    /// alone let through a third of Newtonsoft.Json's creations (lengths 11 and 12 are common), each a dictionary lookup.
    /// </summary>
    private static readonly ulong[] SinkNameShapes = Sinks.Keys.Aggregate(new ulong[InvocationNames.ShapeCount / 64], (bits, name) =>
    {
        Bits.Set(bits, InvocationNames.ShapeOf(name));
        return bits;
    });

    /// <summary>The credential sinks' type names, for the test that every one passes <see cref="MayBeSinkName"/>.</summary>
    internal static IEnumerable<string> SinkTypeNames => Sinks.Keys;

    internal static bool MayBeSinkName(string name) => Bits.Has(SinkNameShapes, InvocationNames.ShapeOf(name));

    /// <summary>A credential sink's type name: the creations the creation action reads.</summary>
    private static bool IsSinkName(string name) => MayBeSinkName(name) && Sinks.ContainsKey(name);

    /// <summary>The header methods a credential is sent through: <c>HttpHeaders.Add</c> and <c>TryAddWithoutValidation</c>.</summary>
    private static readonly InvocationNames HeaderAdds = InvocationNames.Of(new[] { "Add", "TryAddWithoutValidation" });

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var platforms = new ConcurrentDictionary<SyntaxTree, PlatformHost?>();
            // Resolved on the first Add call, not here: a lookup at compilation start waits for the compiler to bind
            // the references, and the wait is charged to this analyzer.
            var compilation = start.Compilation;
            var headers = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders"));
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c), SyntaxKind.StringLiteralExpression);
            start.RegisterCreationAction(IsSinkName, c => AnalyzeCreation(c, platforms));
            start.RegisterInvocationAction(static () => HeaderAdds, c => AnalyzeHeaderAdd(c, headers, platforms));

            start.RegisterAdditionalFileAction(AnalyzeAdditionalFile);
        });
    }

    /// <summary>
    /// What both rules report of the findings at one site: the first secret as ASA101, the first over-scope as ASA102;
    /// at most one diagnostic per rule and site.
    /// </summary>
    private static void Report(Action<Diagnostic> report, IEnumerable<SecretFinding> findings, Func<SecretFinding, Location> locate, string value)
    {
        var secret = false;
        var overScope = false;
        foreach (var finding in findings)
        {
            if (!secret && finding.IsSecret)
            {
                secret = true;
                report(Diagnostic.Create(Descriptors.HardcodedSecret, locate(finding), Properties(finding), finding.Provider, finding.Kind, SecretScanner.Redact(value.Substring(finding.Start, finding.Length))));
            }

            if (!overScope && finding.OverScope is { } scope)
            {
                overScope = true;
                report(Diagnostic.Create(Descriptors.OverScopedCredential, locate(finding), Properties(finding), scope, finding.Narrower ?? "a narrower credential"));
            }

            if (secret && overScope)
            {
                return;
            }
        }
    }

    private static void Report(Action<Diagnostic> report, IEnumerable<SecretFinding> findings, Location location, string value) =>
        Report(report, findings, _ => location, value);

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = StringLiterals.ValueOf(literal.Token);
        if (value.Length < 8)
        {
            return;
        }

        // Nearly every literal holds no secret: the location and the report delegate are made only for those that do.
        var findings = SecretScanner.ScanLiteral(value, literal);
        if (findings.Count > 0)
        {
            Report(context.ReportDiagnostic, findings, literal.GetLocation(), value);
        }
    }

    /// <summary>A constant, not a literal written in place (that one the literal action sees), passed to a credential parameter.</summary>
    private static void AnalyzeCreation(OperationAnalysisContext context, ConcurrentDictionary<SyntaxTree, PlatformHost?> platforms)
    {
        var creation = (IObjectCreationOperation)context.Operation;

        // The registration read the type's name (IsSinkName). Every sink takes the credential as an argument.
        if (creation.Arguments.IsEmpty
            || creation.Type is not INamedTypeSymbol type
            || !Sinks.TryGetValue(type.Name, out var sink)
            || !KnownSymbols.Is(type, KnownSymbols.For(context.Compilation).Type(sink.MetadataName)))
        {
            return;
        }

        var parameters = sink.Parameters;

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is null || Array.IndexOf(parameters, argument.Parameter.Name) < 0)
            {
                continue;
            }

            // Scope shows where the token goes, not where it comes from: a Bearer token sent to a platform API that takes
            // only account-wide tokens as Bearer is over-scoped whatever its value.
            var platform = type.Name == "AuthenticationHeaderValue" && argument.Parameter.Name == "parameter" && IsBearer(creation)
                ? PlatformOf(creation.Syntax.SyntaxTree, platforms, context.CancellationToken)
                : null;
            if ((argument.Value.ConstantValue.Value as string ?? FollowedText(argument.Value)) is not { } value)
            {
                if (platform is not null)
                {
                    Report(context.ReportDiagnostic, new[] { SecretScanner.AccountTokenInUse(platform) }, argument.Syntax.GetLocation(), string.Empty);
                }

                continue;
            }

            ReportSinkConstant(context, argument.Value, argument.Syntax.GetLocation(), value, type.Name, argument.Parameter.Name, platform);
        }
    }

    /// <summary>
    /// <c>headers.Add("Authorization", "Bearer " + token)</c>, <c>TryAddWithoutValidation(…, $"Bearer {token}")</c> or
    /// <c>string.Format("Bearer {0}", token)</c>, on <c>DefaultRequestHeaders</c> or a request's headers: the same
    /// credential sink as <c>new AuthenticationHeaderValue("Bearer", token)</c>.
    /// </summary>
    private static void AnalyzeHeaderAdd(OperationAnalysisContext context, Lazy<INamedTypeSymbol?> headers, ConcurrentDictionary<SyntaxTree, PlatformHost?> platforms)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        // Only Add and TryAddWithoutValidation reach here (the registration's name test). The header name first:
        // dictionaries' Add(key, value) are many, and a constant Authorization key is rare.
        if (invocation.Arguments.Length != 2
            || invocation.Arguments[0].Value.ConstantValue.Value is not string name
            || !(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            || method.Parameters[1].Type.SpecialType != SpecialType.System_String
            || headers.Value is not { } headersType
            || !InheritsFrom(method.ContainingType, headersType)
            || BearerToken(invocation.Arguments[1].Value) is not { } token)
        {
            return;
        }

        var platform = PlatformOf(invocation.Syntax.SyntaxTree, platforms, context.CancellationToken);
        if ((token.ConstantValue.Value as string ?? FollowedText(token)) is not { } value)
        {
            if (platform is not null)
            {
                Report(context.ReportDiagnostic, new[] { SecretScanner.AccountTokenInUse(platform) }, token.Syntax.GetLocation(), string.Empty);
            }

            return;
        }

        ReportSinkConstant(context, token, token.Syntax.GetLocation(), value, "AuthenticationHeaderValue", "parameter", platform);
    }

    /// <summary>The token of a Bearer header value built by concatenation, interpolation or <c>string.Format</c>; null for any other value.</summary>
    private static IOperation? BearerToken(IOperation value)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand: var left, RightOperand: var right }
                when Unwrap(left).ConstantValue.Value is string scheme && IsBearerPrefix(scheme):
                return Unwrap(right);
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length == 2
                && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } && IsBearerPrefix(text)
                && interpolated.Parts[1] is IInterpolationOperation hole:
                return Unwrap(hole.Expression);
            case IInvocationOperation { TargetMethod: { Name: "Format", ContainingType.SpecialType: SpecialType.System_String } } format
                when format.Arguments.Length == 2 && format.Arguments[0].Value.ConstantValue.Value is string pattern
                && pattern.Trim().Equals("Bearer {0}", StringComparison.OrdinalIgnoreCase):
                var argument = Unwrap(format.Arguments[1].Value);
                return argument is IArrayCreationOperation ? null : argument;
            default:
                return null;
        }
    }

    private static bool IsBearerPrefix(string text) => text.Equals("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A constant that reaches a credential sink: a secret by where it goes, named after what holds it.</summary>
    private static void ReportSinkConstant(OperationAnalysisContext context, IOperation valueOperation, Location location, string value, string sinkType, string parameter, PlatformHost? platform)
    {
        // A literal written in place is the literal action's, unless its own place names nothing secret:
        // new NetworkCredential("svc", "...") binds the password to no name, and only the parameter tells.
        if (valueOperation.Syntax is LiteralExpressionSyntax literal && SecretScanner.ScanLiteral(value, literal).Count > 0)
        {
            return;
        }

        var declaredName = (valueOperation as IFieldReferenceOperation)?.Field.Name ?? (valueOperation as ILocalReferenceOperation)?.Local.Name;

        // Bound to its own secret-looking name, the constant was reported at its declaration already.
        var atDeclaration = declaredName is not null && SecretScanner.Scan(value, declaredName).Count > 0;

        // Sent to a platform that takes only account tokens as Bearer, the value is read as that platform's account
        // token; otherwise the sink says it is a credential, and its parameter is the name it is bound to.
        var findings = platform is not null
            ? SecretScanner.Scan(value, platform.AccountTokenName)
            : SecretScanner.Scan(value, parameter, knownCredential: true);
        if (findings.Count == 0 && value.Length >= 8 && platform is null)
        {
            findings = new[] { new SecretFinding("credential", "constant passed as " + sinkType + " " + parameter, 0, value.Length, SecretScanner.ToEnvironmentName(declaredName ?? parameter), environmentVariableFromName: true) };
        }

        // Already reported as a secret where it is declared; here only the scope of where it is sent is news. A variable
        // named from the sink's parameter is named after what holds the value, or after the sink (NETWORK_CREDENTIAL_PASSWORD).
        var atSink = findings
            .Where(finding => !(atDeclaration && (platform is null || finding.OverScope is null)))
            .Select(finding => finding.WithEnvironmentVariable(
                finding.EnvironmentVariableFromName ? SecretScanner.ToEnvironmentName(declaredName ?? sinkType + "_" + parameter) : finding.EnvironmentVariable,
                finding.IsSecret && !atDeclaration));
        Report(context.ReportDiagnostic, atSink, location, value);
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

        var texts = ConstantText.Collect(value);
        return texts.Count == 1 && texts[0].IndexOf("{…}", StringComparison.Ordinal) < 0 ? texts[0] : null;
    }

    /// <summary>
    /// The platform from <see cref="SecretFormats.Platforms"/> whose API host a string literal of the file names, or
    /// null; read once per file and compilation.
    /// </summary>
    private static PlatformHost? PlatformOf(SyntaxTree tree, ConcurrentDictionary<SyntaxTree, PlatformHost?> cache, System.Threading.CancellationToken cancellationToken) =>
        cache.GetOrAdd(tree, t =>
        {
            foreach (var token in t.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    foreach (var platform in SecretFormats.Platforms)
                    {
                        if (token.ValueText.IndexOf(platform.HostFragment, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            return platform;
                        }
                    }
                }
            }

            return null;
        });

    private static bool IsBearer(IObjectCreationOperation creation) =>
        creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue.Value is string scheme && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    private static void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        // Free text (.txt) is not read for secrets: API listings and word lists are not settings.
        var file = ConfigurationFile.Read(context.AdditionalFile, context.CancellationToken);
        if (file.Kind == ConfigurationFileKind.None || file.Source is not { } text || file.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var developmentFile = file.Environment == DeploymentEnvironment.Development;
        if (file.Kind == ConfigurationFileKind.Json)
        {
            foreach (var entry in file.JsonEntries(context.CancellationToken))
            {
                Report(context.ReportDiagnostic, SecretScanner.Scan(entry.Value, entry.Name, entry.Section, developmentFile), f => InFile(file.Path, text, entry.MapToRaw(f.Start, f.Length)), entry.Value);
            }

            return;
        }

        foreach (var line in KeyValueText.Read(file.Text, KeyValueText.AnySeparator, context.CancellationToken))
        {
            Report(context.ReportDiagnostic, SecretScanner.Scan(line.Value, line.Key, developmentFile: developmentFile), f => InFile(file.Path, text, new TextSpan(line.Span.Start + f.Start, f.Length)), line.Value);
        }
    }

    private static Location InFile(string path, SourceText text, TextSpan span) =>
        Location.Create(path, span, text.Lines.GetLinePositionSpan(span));

    private static ImmutableDictionary<string, string?> Properties(SecretFinding finding) =>
        ImmutableDictionary<string, string?>.Empty.Add(EnvironmentVariableProperty, finding.EnvironmentVariable)
            .Add(SecretStartProperty, finding.Start.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(SecretLengthProperty, finding.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
