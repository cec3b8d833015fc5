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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.CodeFixes.Destructive;

/// <summary>
/// ASA201 and ASA202: wraps the destructive call in <c>Destructive.RunAsync</c> (a call returning <c>Task</c> or
/// <c>Task&lt;T&gt;</c>) or <c>Destructive.Run</c> (anything else), passing the guard's cancellation token through when the
/// call takes one it was not given. No fix is offered where the wrapped call would not compile or would change
/// meaning: <c>ref</c>/<c>out</c> arguments, <c>ValueTask</c> and other awaitables, struct members, object creations and
/// assignments (the guard belongs around the execution, not the construction).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInConfirmationGuardCodeFix))]
[Shared]
public sealed class WrapInConfirmationGuardCodeFix : CodeFixProvider
{
    private const string GuardsNamespace = "AgentSafety.Guards";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.UnguardedDestructiveCall, RuleIdentifiers.DestructiveCommandText);

    // Not the batch fixer: every wrap adds the same using directive, and the batch fixer drops such overlapping edits.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        await FixAllAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                continue;
            }

            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || invocation.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(UnguardedDestructiveCallAnalyzer.ActionProperty, out var action);
            if (Plan(model, invocation, action ?? "destructive", context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Wrap in a confirmation guard (Destructive.RunAsync)",
                    ct => FixAsync(context.Document, invocation.Span, action ?? "destructive", ct),
                    equivalenceKey: nameof(WrapInConfirmationGuardCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new System.Collections.Generic.Dictionary<InvocationExpressionSyntax, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                continue;
            }

            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            diagnostic.Properties.TryGetValue(UnguardedDestructiveCallAnalyzer.ActionProperty, out var action);
            if (invocation is not null && invocation.Span == diagnostic.Location.SourceSpan
                && Plan(model, invocation, action ?? "destructive", cancellationToken) is { } replacement)
            {
                replacements[invocation] = replacement.WithTriviaFrom(invocation);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var updated = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        if (updated is CompilationUnitSyntax unit)
        {
            updated = UsingDirectives.Ensure(unit, GuardsNamespace);
        }

        return document.WithSyntaxRoot(updated);
    }

    private static async Task<Document> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string action, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(span, getInnermostNodeForTie: true) is not { } node)
        {
            return document;
        }

        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        var replacement = invocation is null ? null : Plan(model, invocation, action, cancellationToken);
        if (invocation is null || replacement is null)
        {
            return document;
        }

        var updated = root.ReplaceNode(invocation, replacement.WithTriviaFrom(invocation));
        if (updated is CompilationUnitSyntax unit)
        {
            updated = UsingDirectives.Ensure(unit, GuardsNamespace);
        }

        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The wrapped call, or null where wrapping would not compile or would change what the code means.</summary>
    private static ExpressionSyntax? Plan(SemanticModel model, InvocationExpressionSyntax invocation, string action, CancellationToken cancellationToken)
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

        var resource = Resource(operation, method);
        ExpressionSyntax body = invocation.WithoutTrivia();
        ParameterSyntax? tokenParameter = null;
        if (isTask)
        {
            var missingToken = operation.Arguments.FirstOrDefault(a =>
                a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter?.Type.ToDisplayString() == "System.Threading.CancellationToken");
            if (missingToken?.Parameter is { } parameter)
            {
                var name = FreeName(model, invocation.SpanStart, "ct", "guardCancellation");
                tokenParameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name));
                body = invocation.WithoutTrivia().AddArgumentListArguments(
                    SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name))
                        .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter.Name))));
            }
        }

        LambdaExpressionSyntax lambda = tokenParameter is null
            ? SyntaxFactory.ParenthesizedLambdaExpression(body)
            : SyntaxFactory.SimpleLambdaExpression(tokenParameter, body);

        var guard = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.IdentifierName("Destructive"),
            SyntaxFactory.IdentifierName(isTask ? "RunAsync" : "Run"));
        return SyntaxFactory.InvocationExpression(
                guard,
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(action))),
                    SyntaxFactory.Argument(resource),
                    SyntaxFactory.Argument(lambda),
                })))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// What the approval is bound to, as precisely as source shows it without running anything twice: the first plain
    /// string argument; else a plain string property of a request object (<c>new DeleteBucketRequest { BucketName = name }</c>);
    /// else the name of the table, collection or client the call acts on (<c>db.Orders</c> gives "Orders"); else the
    /// method's name.
    /// </summary>
    private static ExpressionSyntax Resource(IInvocationOperation operation, IMethodSymbol method)
    {
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.Value.Type?.SpecialType == SpecialType.System_String && IsPlain(argument.Value.Syntax))
            {
                return ((ExpressionSyntax)argument.Value.Syntax).WithoutTrivia();
            }
        }

        foreach (var argument in operation.Arguments)
        {
            if (argument.Value is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Value: { Type.SpecialType: SpecialType.System_String } value } && IsPlain(value.Syntax))
                    {
                        return ((ExpressionSyntax)value.Syntax).WithoutTrivia();
                    }
                }
            }
        }

        var target = operation.Instance ?? (operation.TargetMethod.IsExtensionMethod && operation.Arguments.Length > 0 ? operation.Arguments[0].Value : null);
        for (var depth = 0; target is not null && depth < 8; depth++)
        {
            switch (target)
            {
                case IConversionOperation conversion:
                    target = conversion.Operand;
                    continue;
                case IInvocationOperation { Instance: { } instance }:
                    target = instance;
                    continue;
                case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } call:
                    target = call.Arguments[0].Value;
                    continue;
                case IPropertyReferenceOperation property:
                    return Literal(property.Property.Name);
                case IFieldReferenceOperation field:
                    return Literal(field.Field.Name.TrimStart('_'));
                case ILocalReferenceOperation local:
                    return Literal(local.Local.Name);
                case IParameterReferenceOperation parameter:
                    return Literal(parameter.Parameter.Name);
            }

            break;
        }

        return Literal(method.Name);
    }

    private static bool IsPlain(SyntaxNode syntax) =>
        syntax is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax };

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static string FreeName(SemanticModel model, int position, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return candidates[candidates.Length - 1] + "1";
    }
}
