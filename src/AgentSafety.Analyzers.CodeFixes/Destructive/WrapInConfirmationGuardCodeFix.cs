using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Common;
using AgentSafety.Analyzers.Destructive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.CodeFixes.Destructive;

/// <summary>
/// ASA201 and ASA202: wraps the destructive call in <c>Destructive.RunAsync</c> (a call returning <c>Task</c> or
/// <c>Task&lt;T&gt;</c>) or <c>Destructive.Run</c> (anything else), bound to the run-time identity of what the call
/// destroys (<see cref="ResourceIdentity"/>), passing the guard's cancellation token through when the call takes one it
/// was not given. The guard type is referenced from its symbol, so a user's own <c>Destructive</c> in scope does not
/// capture it; without AgentSafety.Guards in the compilation there is no fix. No fix either where the wrapped call would
/// not compile or would change meaning: <c>ref</c>/<c>out</c> arguments, <c>ValueTask</c> and other awaitables, struct
/// members, or parts that would have to run twice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInConfirmationGuardCodeFix))]
[Shared]
public sealed class WrapInConfirmationGuardCodeFix : CodeFixProvider
{
    private const string GuardTypeName = "AgentSafety.Guards.Destructive";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.UnguardedDestructiveCall, RuleIdentifiers.DestructiveCommandText);

    // One pass per document over every finding: locals hoisted for two calls get two names, and a call reported twice
    // (its command created and its text assigned) is wrapped once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(GuardTypeName) is null)
        {
            return;
        }

        var generator = SyntaxGenerator.GetGenerator(context.Document);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Site(root, diagnostic) is not { } invocation
                || Plan(model, generator, invocation, Action(diagnostic), new HashSet<string>(), context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Wrap in a confirmation guard (Destructive.RunAsync)",
                    ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    equivalenceKey: nameof(WrapInConfirmationGuardCodeFix)),
                diagnostic);
        }
    }

    private static string Action(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(UnguardedDestructiveCallAnalyzer.ActionProperty, out var action) && !string.IsNullOrWhiteSpace(action) ? action! : "destructive";

    private static InvocationExpressionSyntax? Site(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return null;
        }

        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        return invocation is not null && invocation.Span == diagnostic.Location.SourceSpan ? invocation : null;
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(GuardTypeName) is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var taken = new HashSet<string>();
        var sites = diagnostics
            .Select(d => (Invocation: Site(root, d), Action: Action(d)))
            .Where(s => s.Invocation is not null)
            .GroupBy(s => s.Invocation!.Span)
            .Select(g => g.First())
            .ToList();

        // A call inside another reported call's arguments is left for a second pass: one wrap per node per pass.
        var spans = sites.Select(s => s.Invocation!.Span).ToList();
        foreach (var (invocation, action) in sites)
        {
            if (spans.Any(other => other != invocation!.Span && other.Contains(invocation.Span)))
            {
                continue;
            }

            if (Plan(model, editor.Generator, invocation!, action, taken, cancellationToken) is not { } plan)
            {
                continue;
            }

            foreach (var (name, value, type) in plan.Hoister.Locals)
            {
                var declaration = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            type is null ? SyntaxFactory.IdentifierName("var") : (TypeSyntax)editor.Generator.TypeExpression(type).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation),
                            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(value)))))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                var anchor = plan.Hoister.Anchor!;
                if (anchor.Parent is GlobalStatementSyntax global)
                {
                    editor.InsertBefore(global, SyntaxFactory.GlobalStatement(declaration));
                }
                else
                {
                    editor.InsertBefore(anchor, declaration);
                }
            }

            editor.ReplaceNode(invocation!, plan.Guard.WithTriviaFrom(invocation!));
        }

        return editor.GetChangedDocument();
    }

    private sealed class GuardPlan
    {
        public GuardPlan(ExpressionSyntax guard, Hoister hoister)
        {
            Guard = guard;
            Hoister = hoister;
        }

        public ExpressionSyntax Guard { get; }

        public Hoister Hoister { get; }
    }

    /// <summary>The wrapped call, or null where wrapping would not compile or would change what the code means.</summary>
    private static GuardPlan? Plan(SemanticModel model, SyntaxGenerator generator, InvocationExpressionSyntax invocation, string action, HashSet<string> taken, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType.IsRefLikeType
            || operation.Arguments.Any(a => a.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
            || model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType?.TypeKind == TypeKind.Struct
            || invocation.Ancestors().Any(a => a is ConstructorInitializerSyntax or AttributeSyntax))
        {
            return null;
        }

        var task = model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var taskOfT = model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        var returnType = method.ReturnType.OriginalDefinition;
        var isTask = SymbolEqualityComparer.Default.Equals(returnType, task) || SymbolEqualityComparer.Default.Equals(returnType, taskOfT);
        if (!isTask && (method.ReturnType.GetMembers("GetAwaiter").Length > 0 || method.IsAsync && !method.ReturnsVoid))
        {
            // ValueTask and custom awaitables: the guard's delegates return Task.
            return null;
        }

        var guardType = SymbolReferences.Type(generator, model.Compilation, GuardTypeName);
        if (guardType is null)
        {
            return null;
        }

        var hoister = new Hoister(model, invocation, taken, cancellationToken);
        var resource = ResourceIdentity.Build(operation, generator, hoister);
        if (resource is null || hoister.Failed)
        {
            return null;
        }

        // The call as the lambda runs it: what was hoisted is read from its local.
        var body = hoister.Replaced.Count == 0
            ? invocation.WithoutTrivia()
            : invocation.ReplaceNodes(hoister.Replaced.Keys, (original, _) => SyntaxFactory.IdentifierName(hoister.Replaced[original]).WithTriviaFrom(original)).WithoutTrivia();
        ParameterSyntax? tokenParameter = null;
        if (isTask)
        {
            var missingToken = operation.Arguments.FirstOrDefault(a =>
                a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter?.Type.ToDisplayString() == "System.Threading.CancellationToken");
            if (missingToken?.Parameter is { } parameter)
            {
                var name = hoister.FreeParameterName(invocation, "ct");
                tokenParameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name));
                body = body.AddArgumentListArguments(
                    SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name))
                        .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter.Name))));
            }
        }

        LambdaExpressionSyntax lambda = tokenParameter is null
            ? SyntaxFactory.ParenthesizedLambdaExpression(body)
            : SyntaxFactory.SimpleLambdaExpression(tokenParameter, body);

        var guard = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, guardType, SyntaxFactory.IdentifierName(isTask ? "RunAsync" : "Run")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(action))),
                    SyntaxFactory.Argument(resource),
                    SyntaxFactory.Argument(lambda),
                })))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return hoister.Failed ? null : new GuardPlan(guard, hoister);
    }
}
