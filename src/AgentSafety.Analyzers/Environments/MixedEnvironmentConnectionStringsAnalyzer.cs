using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using AgentSafety.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Environments;

/// <summary>
/// ASA301: production and non-production connection strings in one compilation. Candidates are gathered from string
/// literals, constant concatenations, interpolated strings and connection string builders while the compilation is
/// analyzed, and from AdditionalFiles at its end; only then is it known whether both sides exist, so the rule reports in
/// a compilation end action (which the IDE runs on full solution analysis and on build).
/// </summary>
// Hosted by AgentSafetyAnalyzer, the one analyzer the compiler loads: no [DiagnosticAnalyzer] here, or it would run twice.
#pragma warning disable RS1001 // see above
public sealed class MixedEnvironmentConnectionStringsAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    /// <summary>Diagnostic property: the environment the connection string itself names (not its key or file).</summary>
    internal const string StringEnvironmentProperty = "StringEnvironment";

    /// <summary>At most this many other-side locations ride along as additional locations.</summary>
    private const int MaxAdditionalLocations = 10;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MixedEnvironmentConnectionStrings);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated settings classes carry connection strings as often as hand-written code.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var state = new CompilationState(start.Compilation);
            start.RegisterInvocationAction(static () => EnvironmentGuardUses.GuardCalls, state.AnalyzeGuardCall);
            start.RegisterSyntaxNodeAction(state.AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
            // Concatenations are read from their first text part, not from a callback for every '+' (most add numbers).
            start.RegisterSyntaxNodeAction(state.AnalyzeInterpolatedString, SyntaxKind.InterpolatedStringExpression);
            start.RegisterSyntaxNodeAction(state.AnalyzeBuilder, SyntaxKind.ObjectInitializerExpression);
            start.RegisterCompilationEndAction(state.Report);
        });
    }

    private sealed class Candidate
    {
        public Candidate(Location location, DeploymentEnvironment environment, DeploymentEnvironment stringEnvironment, string target, bool guarded = false, ISymbol? guardedIfAllUsesAre = null)
        {
            Location = location;
            Environment = environment;
            StringEnvironment = stringEnvironment;
            Target = target;
            Guarded = guarded;
            GuardedIfAllUsesAre = guardedIfAllUsesAre;
        }

        /// <summary>The string itself is the argument of <c>EnvironmentGuard.Connection</c>.</summary>
        public bool Guarded { get; }

        /// <summary>The constant, field or local the string initializes: guarded when every use of it is guarded.</summary>
        public ISymbol? GuardedIfAllUsesAre { get; }

        public Location Location { get; }

        public DeploymentEnvironment Environment { get; }

        public DeploymentEnvironment StringEnvironment { get; }

        /// <summary>Host and database only, safe for a diagnostic message.</summary>
        public string Target { get; }
    }

    private sealed class CompilationState
    {
        // A list under a lock, not a ConcurrentBag: candidates are few, and each bag's ThreadLocal costs every compilation
        // a slot search that grows with the bags not yet finalized (1.2 ms a compilation in a profile of Newtonsoft.Json).
        private readonly List<Candidate> candidates = new();

        // Resolved on the first call named like the guard or the first classified string, not at compilation start:
        // a lookup there waits for the compiler to bind the references, and the wait is charged to this analyzer.
        private readonly Lazy<EnvironmentGuardUses?> guards;

        public CompilationState(Compilation compilation) => guards = new Lazy<EnvironmentGuardUses?>(() => EnvironmentGuardUses.Create(compilation));

        /// <summary>Null when the compilation does not reference AgentSafety.Guards: then nothing is guarded.</summary>
        public EnvironmentGuardUses? Guards => guards.Value;

        public void AnalyzeGuardCall(OperationAnalysisContext context)
        {
            Guards?.AnalyzeInvocation((IInvocationOperation)context.Operation);
        }

        public void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            if (context.Node is not LiteralExpressionSyntax literal)
            {
                return;
            }

            if (ReadWithConcatenation(context, literal))
            {
                return;
            }

            // The value is what the secrets rule read just before, and whether it holds '=' or "://" that rule's first
            // pass saw (LiteralFacts); the token's span, whose start is read through its leading trivia, only for the rare
            // value that may be a connection string. MightBeConnectionString turns away values under 10 characters, which
            // every token under 12 characters, quotes included, holds.
            var token = literal.Token;
            var value = StringLiterals.ValueOf(token);
            if (!LiteralFacts.MayBeConnectionString(value) || !EnvironmentClassifier.MightBeConnectionString(value)
                || token.Span.Length > EnvironmentClassifier.MaxConnectionStringLength + 16)
            {
                return;
            }

            Add(context, literal, value);
        }

        public void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context)
        {
            if (!ReadWithConcatenation(context, context.Node))
            {
                AnalyzeConstantExpression(context, context.Node);
            }
        }

        /// <summary>
        /// A part of a concatenation is read with the whole, once, from its first text part: true when
        /// <paramref name="part"/> is inside a concatenation (and so needs no reading of its own).
        /// </summary>
        private bool ReadWithConcatenation(SyntaxNodeAnalysisContext context, SyntaxNode part)
        {
            if (ConcatenationReadFrom(part) is not { } concatenation)
            {
                return false;
            }

            if (concatenation != part)
            {
                AnalyzeConstantExpression(context, concatenation);
            }

            return true;
        }

        /// <summary>
        /// For a string literal or interpolated string inside a concatenation: the outermost concatenation when
        /// <paramref name="part"/> is its first text part (the one part that reads it, so it is read once), else the part
        /// itself. Null when <paramref name="part"/> is not inside a concatenation. A concatenation without a text part
        /// holds neither '=' nor "://" in text, which <see cref="HasSeparatorInText"/> asks for, so none is missed.
        /// </summary>
        /// <remarks>
        /// A part that is the right operand stops at the first text part before it, searched from the nearest, so in a
        /// chain of n parts the climb to the top is made once and every other part stops after a step or a few.
        /// </remarks>
        private static SyntaxNode? ConcatenationReadFrom(SyntaxNode part)
        {
            SyntaxNode? outermost = null;
            var current = part;
            while (true)
            {
                while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
                {
                    current = parenthesized;
                }

                if (current.Parent is not BinaryExpressionSyntax binary || !binary.IsKind(SyntaxKind.AddExpression))
                {
                    return outermost;
                }

                if (binary.Right == current && HasTextPart(binary.Left))
                {
                    return part;
                }

                outermost = current = binary;
            }
        }

        /// <summary>Whether a concatenation operand holds a string literal or interpolated string, searched right to left.</summary>
        private static bool HasTextPart(SyntaxNode operand)
        {
            var walk = new OperandWalk(operand, rightToLeft: true);
            while (walk.MoveNext(out var current))
            {
                if (current is InterpolatedStringExpressionSyntax
                    || current is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The operands of a concatenation, through parentheses, one by one in either direction, without the iterator and
        /// the stack an iterator allocates: a stack only when the walk meets a '+'.
        /// </summary>
        private struct OperandWalk
        {
            private readonly bool rightToLeft;
            private Stack<SyntaxNode>? pending;
            private SyntaxNode? next;

            public OperandWalk(SyntaxNode root, bool rightToLeft)
            {
                this.rightToLeft = rightToLeft;
                pending = null;
                next = root;
            }

            public bool MoveNext(out SyntaxNode operand)
            {
                var current = next ?? (pending is { Count: > 0 } ? pending.Pop() : null);
                next = null;
                while (current is not null)
                {
                    while (current is ParenthesizedExpressionSyntax parenthesized)
                    {
                        current = parenthesized.Expression;
                    }

                    if (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                    {
                        (pending ??= new Stack<SyntaxNode>()).Push(rightToLeft ? binary.Left : binary.Right);
                        current = rightToLeft ? binary.Right : binary.Left;
                        continue;
                    }

                    operand = current;
                    return true;
                }

                operand = null!;
                return false;
            }
        }

        /// <summary>
        /// Constant concatenations (<c>"Host=" + ProdHost + ";Database=shop"</c>) and constant interpolated strings: only the
        /// outermost expression, only when one of its literal parts looks like a piece of a connection string, and only
        /// then the semantic model's constant value.
        /// </summary>
        private void AnalyzeConstantExpression(SyntaxNodeAnalysisContext context, SyntaxNode node)
        {
            if (node.Span.Length < 12 || node.Span.Length > 4 * EnvironmentClassifier.MaxConnectionStringLength)
            {
                return;
            }

            if (!HasSeparatorInText(node))
            {
                return;
            }

            // The text with every non-literal part read as "x" must already look like a connection string
            // ("Host=" + host + ";Database=shop" reads "Host=x;Database=shop") before the semantic model is asked.
            var skeleton = new System.Text.StringBuilder();
            var literalOnly = new System.Text.StringBuilder();
            var allLiteral = true;
            foreach (var part in Parts(node))
            {
                if (part is null)
                {
                    allLiteral = false;
                    skeleton.Append('x');
                }
                else
                {
                    skeleton.Append(part);
                    literalOnly.Append(part);
                }

                if (skeleton.Length > EnvironmentClassifier.MaxConnectionStringLength)
                {
                    return;
                }
            }

            var shape = skeleton.ToString();
            if (!EnvironmentClassifier.MightBeConnectionString(shape) || !EnvironmentClassifier.TryParseConnectionString(shape, out _))
            {
                return;
            }

            if (allLiteral)
            {
                Add(context, (ExpressionSyntax)node, shape);
                return;
            }

            // Only names can be constants here; a call or arithmetic part makes the whole non-constant, so the
            // semantic model is not asked.
            var constant = NonLiteralParts(node).All(p => p is IdentifierNameSyntax or MemberAccessExpressionSyntax)
                ? context.SemanticModel.GetConstantValue(node, context.CancellationToken)
                : default;
            if (constant.HasValue && constant.Value is string value)
            {
                Add(context, (ExpressionSyntax)node, value);
                return;
            }

            if (node is InterpolatedStringExpressionSyntax interpolated)
            {
                // $"Host=prod-db;Database=shop;Password={password}": the holes are read as empty.
                Add(context, interpolated, literalOnly.ToString());
                return;
            }

            // "Host=prod-db;Database=shop;Password=" + password: each literal part on its own.
            foreach (var operand in Operands(node))
            {
                if (operand is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    Add(context, literal, StringLiterals.ValueOf(literal.Token));
                }
            }
        }

        /// <summary>
        /// Whether the text parts hold a '=' or, in text not broken by a hole, "://". A connection string's shape needs a
        /// key's '=' or a URL's "://", and the parts that are not text read as "x": without either no shape is built.
        /// Most concatenations and interpolations are messages and paths; building their shape (two string builders, a
        /// string and the iterators behind <see cref="Parts"/>) cost 0.4 ms a compilation of Newtonsoft.Json.
        /// </summary>
        private static bool HasSeparatorInText(SyntaxNode node)
        {
            var walk = new OperandWalk(node, rightToLeft: false);

            // How much of "://" the text read so far ends with; a hole or any other expression breaks the run.
            var matched = 0;
            while (walk.MoveNext(out var current))
            {
                switch (current)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        if (HasSeparator(StringLiterals.ValueOf(literal.Token), ref matched))
                        {
                            return true;
                        }

                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is not InterpolatedStringTextSyntax text)
                            {
                                matched = 0;
                            }
                            else if (HasSeparator(StringLiterals.ValueOf(text.TextToken), ref matched))
                            {
                                return true;
                            }
                        }

                        break;
                    default:
                        matched = 0;
                        break;
                }
            }

            return false;
        }

        private static bool HasSeparator(string text, ref int matched)
        {
            foreach (var c in text)
            {
                if (c == '=')
                {
                    return true;
                }

                matched = c == ':' ? 1 : c == '/' && matched is 1 or 2 ? matched + 1 : 0;
                if (matched == 3)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<ExpressionSyntax> NonLiteralParts(SyntaxNode node)
        {
            foreach (var operand in node is InterpolatedStringExpressionSyntax ? new[] { (ExpressionSyntax)node } : Operands(node))
            {
                switch (operand)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolationSyntax hole)
                            {
                                yield return hole.Expression;
                            }
                        }

                        break;
                    default:
                        yield return operand;
                        break;
                }
            }
        }

        /// <summary>The text parts of a concatenation or interpolated string in order; null for a part that is not literal text.</summary>
        private static IEnumerable<string?> Parts(SyntaxNode node)
        {
            foreach (var operand in node is InterpolatedStringExpressionSyntax ? new[] { (ExpressionSyntax)node } : Operands(node))
            {
                switch (operand)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        yield return StringLiterals.ValueOf(literal.Token);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var content in interpolated.Contents)
                        {
                            yield return content is InterpolatedStringTextSyntax text ? StringLiterals.ValueOf(text.TextToken) : null;
                        }

                        break;
                    default:
                        yield return null;
                        break;
                }
            }
        }

        private static IEnumerable<ExpressionSyntax> Operands(SyntaxNode node)
        {
            var walk = new OperandWalk(node, rightToLeft: false);
            while (walk.MoveNext(out var current))
            {
                if (current is ExpressionSyntax expression)
                {
                    yield return expression;
                }
            }
        }

        /// <summary>
        /// <c>new NpgsqlConnectionStringBuilder { Host = "prod-db", Database = "shop" }</c>: a connection string built from
        /// properties. Read only for types named <c>*ConnectionStringBuilder</c>, from their host and database properties.
        /// </summary>
        public void AnalyzeBuilder(SyntaxNodeAnalysisContext context)
        {
            if (context.Node is not InitializerExpressionSyntax initializer
                || initializer.Parent is not BaseObjectCreationExpressionSyntax creation
                || !SetsLocatingKey(initializer)
                || !IsBuilder(context, creation))
            {
                return;
            }

            var builder = new System.Text.StringBuilder();
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: var right }
                    && context.SemanticModel.GetConstantValue(right, context.CancellationToken) is { HasValue: true, Value: string value }
                    && value.Length <= 512
                    && value.IndexOf(';') < 0)
                {
                    builder.Append(name.Identifier.ValueText).Append('=').Append(value).Append(';');
                }
            }

            if (builder.Length > 0)
            {
                Add(context, creation, builder.ToString());
            }
        }

        /// <summary>
        /// Whether the initializer sets a host or database property, without which the pairs built below are never a
        /// connection string: the syntax is read before the semantic model is asked for the type of <c>new() { ... }</c>,
        /// which cost 1.2 ms a compilation of StackExchange.Redis, whose initializers set options, not hosts.
        /// </summary>
        private static bool SetsLocatingKey(InitializerExpressionSyntax initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && EnvironmentClassifier.IsLocatingKey(name.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsBuilder(SyntaxNodeAnalysisContext context, BaseObjectCreationExpressionSyntax creation)
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type })
            {
                var text = type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : (type as IdentifierNameSyntax)?.Identifier.ValueText;
                return text is not null && text.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal);
            }

            // new() { ... }: the name is known only to the semantic model.
            return context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type?.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal) == true;
        }

        private void Add(SyntaxNodeAnalysisContext context, ExpressionSyntax expression, string value)
        {
            if (!EnvironmentClassifier.MightBeConnectionString(value)
                || !EnvironmentClassifier.TryParseConnectionString(value, out var info)
                || info is null)
            {
                return;
            }

            var stringEnvironment = EnvironmentClassifier.Classify(info);
            var environment = stringEnvironment != DeploymentEnvironment.Unknown
                ? stringEnvironment
                : EnvironmentClassifier.ClassifyKey(Bindings.KeyOf(expression));
            if (environment == DeploymentEnvironment.Unknown)
            {
                return;
            }

            // Bound only for a string already classified, so rarely.
            var guarded = Guards?.IsGuardedDirectly(expression, context.SemanticModel, context.CancellationToken) == true;
            var symbol = Guards is null || guarded ? null : EnvironmentGuardUses.InitializedSymbol(expression, context.SemanticModel, context.CancellationToken);
            var candidate = new Candidate(expression.GetLocation(), environment, stringEnvironment, info.Describe(), guarded, symbol);
            lock (candidates)
            {
                candidates.Add(candidate);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            List<Candidate> all;
            lock (candidates)
            {
                all = new List<Candidate>(candidates);
            }

            ScanAdditionalFiles(context.Options.AdditionalFiles, all, context.CancellationToken);

            var production = all.Where(c => EnvironmentClassifier.IsProduction(c.Environment)).OrderBy(c => c.Location, LocationOrder.Instance).ToList();
            var nonProduction = all.Where(c => EnvironmentClassifier.IsNonProduction(c.Environment)).OrderBy(c => c.Location, LocationOrder.Instance).ToList();
            if (production.Count == 0 || nonProduction.Count == 0)
            {
                return;
            }

            // A guarded string still makes its side (the other side is reported naming it) but is not reported itself.
            var guardedThroughSymbol = Guards is null
                ? new HashSet<ISymbol>(SymbolEqualityComparer.Default)
                : Guards.AllUsesGuarded(all.Where(c => c.GuardedIfAllUsesAre is not null).Select(c => c.GuardedIfAllUsesAre!), context.Compilation, context.CancellationToken);
            bool IsGuarded(Candidate c) => c.Guarded || (c.GuardedIfAllUsesAre is { } s && guardedThroughSymbol.Contains(s));

            ReportSide(context, production, nonProduction, IsGuarded);
            ReportSide(context, nonProduction, production, IsGuarded);
        }

        private static void ReportSide(CompilationAnalysisContext context, List<Candidate> side, List<Candidate> others, Func<Candidate, bool> isGuarded)
        {
            var first = others[0];
            var where = Format(first.Location) + (others.Count > 1 ? " and " + (others.Count - 1) + " more" : string.Empty);
            var otherEnvironment = others.Select(o => o.Environment).Distinct().Count() == 1
                ? EnvironmentClassifier.DisplayName(first.Environment)
                : first.Environment == DeploymentEnvironment.Production ? "production" : "non-production";
            var additional = others.Take(MaxAdditionalLocations).Select(o => o.Location).ToList();
            foreach (var candidate in side)
            {
                if (isGuarded(candidate))
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(StringEnvironmentProperty, candidate.StringEnvironment.ToString());
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.MixedEnvironmentConnectionStrings,
                    candidate.Location,
                    additional,
                    properties,
                    EnvironmentClassifier.DisplayName(candidate.Environment),
                    candidate.Target,
                    otherEnvironment,
                    where));
            }
        }

        private static void ScanAdditionalFiles(ImmutableArray<AdditionalText> files, List<Candidate> into, CancellationToken cancellationToken)
        {
            foreach (var file in files)
            {
                var configuration = ConfigurationFile.Read(file, cancellationToken);
                var path = configuration.Path;
                var values = configuration.Kind switch
                {
                    ConfigurationFileKind.None => new List<ConfigurationValue>(),
                    ConfigurationFileKind.Json => ConfigurationTextScanner.FromJson(configuration.JsonEntries(cancellationToken)),
                    ConfigurationFileKind.DotEnv => ConfigurationTextScanner.ScanDotEnv(configuration.Text, cancellationToken),
                    _ => ConfigurationTextScanner.ScanText(configuration.Text, cancellationToken),
                };

                var fileEnvironment = configuration.Environment;
                foreach (var value in values)
                {
                    if ((!EnvironmentClassifier.TryParseConnectionString(value.Value, out var info) || info is null)
                        && !(ConfigurationTextScanner.IsConnectionStringsKey(value.Key) && EnvironmentClassifier.TryParseBareHost(value.Value, out info)))
                    {
                        continue;
                    }

                    if (info is null)
                    {
                        continue;
                    }

                    // The string's own hosts outrank its key, and its key outranks the file: a production host in
                    // appsettings.Staging.json is a production string.
                    var stringEnvironment = EnvironmentClassifier.Classify(info);
                    var environment = stringEnvironment;
                    if (environment == DeploymentEnvironment.Unknown)
                    {
                        environment = EnvironmentClassifier.ClassifyKey(value.Key);
                    }

                    if (environment == DeploymentEnvironment.Unknown)
                    {
                        environment = fileEnvironment;
                    }

                    if (environment == DeploymentEnvironment.Unknown)
                    {
                        continue;
                    }

                    var span = new TextSpan(value.Start, value.Length);
                    var location = Location.Create(path, span, configuration.Source!.Lines.GetLinePositionSpan(span));
                    into.Add(new Candidate(location, environment, stringEnvironment, info.Describe()));
                }
            }
        }

        private static string Format(Location location)
        {
            var span = location.GetLineSpan();
            var path = span.Path ?? string.Empty;
            var slash = path.LastIndexOfAny(new[] { '/', '\\' });
            var name = path.Substring(slash + 1);
            return name + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
        }
    }

    private sealed class LocationOrder : IComparer<Location>
    {
        public static readonly LocationOrder Instance = new();

        public int Compare(Location? x, Location? y)
        {
            var xPath = x?.GetLineSpan().Path ?? string.Empty;
            var yPath = y?.GetLineSpan().Path ?? string.Empty;
            var byPath = string.CompareOrdinal(xPath, yPath);
            return byPath != 0 ? byPath : (x?.SourceSpan.Start ?? 0).CompareTo(y?.SourceSpan.Start ?? 0);
        }
    }
}
