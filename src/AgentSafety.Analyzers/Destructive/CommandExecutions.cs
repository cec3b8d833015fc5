using AgentSafety.Analyzers.Common;
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// Where a command built in one place runs: the <c>Execute*</c> calls on an ADO.NET command, the <c>Process.Start</c>
/// of a <c>ProcessStartInfo</c>. Creating a command destroys nothing; the guard belongs around its execution, so that
/// is where ASA202 reports and where the fix acts. Only called once text is known to destroy, so the walk of one body
/// costs nothing on ordinary code.
/// </summary>
internal static class CommandExecutions
{
    /// <summary>
    /// The executions of the command <paramref name="site"/> creates or gives its text to, in source order: a call on
    /// the creation itself, or the calls on the local it is stored in that come after it and before the local's text
    /// is assigned again. Empty when the command leaves the method (returned, passed on) and no execution is in sight.
    /// </summary>
    public static IReadOnlyList<IInvocationOperation> Find(IOperation site)
    {
        var direct = site.Parent is IConversionOperation conversion ? conversion.Parent : site.Parent;
        if (site is IObjectCreationOperation)
        {
            if (direct is IInvocationOperation call && ReferenceEquals(call.Instance, site) && IsExecution(call))
            {
                return new[] { call };
            }

            if (direct is IArgumentOperation { Parent: IInvocationOperation start } && IsProcessStart(start))
            {
                return new[] { start };
            }
        }

        var local = LocalOf(site, direct);
        var model = site.SemanticModel;
        if (local is null || model is null)
        {
            return Array.Empty<IInvocationOperation>();
        }

        var body = ConstantText.EnclosingBody(site.Syntax);
        if (body is null)
        {
            return Array.Empty<IInvocationOperation>();
        }

        var found = new List<IInvocationOperation>();
        foreach (var node in body.DescendantNodes())
        {
            if (node.SpanStart <= site.Syntax.Span.End)
            {
                continue;
            }

            // A later cmd.CommandText = … runs other text: its executions are that assignment's.
            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText", Expression: IdentifierNameSyntax assigned } }
                && assigned.Identifier.ValueText == local.Name)
            {
                break;
            }

            if (node is not InvocationExpressionSyntax invocation || found.Count > 16)
            {
                continue;
            }

            var mentionsLocal = invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == local.Name
                || invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax argument && argument.Identifier.ValueText == local.Name;
            if (!mentionsLocal || model.GetOperation(invocation) is not IInvocationOperation operation)
            {
                continue;
            }

            if (IsExecution(operation) && Unwrap(operation.Instance) is ILocalReferenceOperation instance && SymbolEqualityComparer.Default.Equals(instance.Local, local)
                || IsProcessStart(operation) && Unwrap(operation.Arguments[0].Value) is ILocalReferenceOperation startInfo && SymbolEqualityComparer.Default.Equals(startInfo.Local, local))
            {
                found.Add(operation);
            }
        }

        return found;
    }

    /// <summary>
    /// Where the text an execution runs was given: the creation it is called on, or, for a command in a local, the
    /// last <c>CommandText</c> assignment before it, else the local's initializer. Null when neither is in sight.
    /// </summary>
    public static IOperation? SourceOf(IInvocationOperation execution)
    {
        var instance = Unwrap(execution.Instance);
        if (instance is IObjectCreationOperation creation)
        {
            return creation;
        }

        var model = execution.SemanticModel;
        if (instance is not ILocalReferenceOperation local || model is null)
        {
            return null;
        }

        var declarator = local.Local.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        var body = ConstantText.EnclosingBody(declarator);
        if (declarator is null || body is null || body.SyntaxTree != execution.Syntax.SyntaxTree)
        {
            return null;
        }

        AssignmentExpressionSyntax? last = null;
        foreach (var node in body.DescendantNodes())
        {
            if (node.SpanStart >= execution.Syntax.SpanStart)
            {
                break;
            }

            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText", Expression: IdentifierNameSyntax assigned } } assignment
                && assigned.Identifier.ValueText == local.Local.Name)
            {
                last = assignment;
            }
        }

        if (last is not null)
        {
            return model.GetOperation(last) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } target } } text
                && Unwrap(target) is ILocalReferenceOperation owner && SymbolEqualityComparer.Default.Equals(owner.Local, local.Local)
                ? text
                : null;
        }

        return declarator.Initializer?.Value is { } value ? Unwrap(model.GetOperation(value)) as IObjectCreationOperation : null;
    }

    /// <summary><c>ExecuteNonQuery</c>, <c>ExecuteReaderAsync</c>, <c>ExecuteScalar</c> … on a command.</summary>
    public static bool IsExecution(IInvocationOperation call) =>
        call.TargetMethod.Name.StartsWith("Execute", StringComparison.Ordinal) && call.Instance is not null && !call.TargetMethod.IsStatic;

    private static bool IsProcessStart(IInvocationOperation call) =>
        call.TargetMethod is { Name: "Start", IsStatic: true, ContainingType: { Name: "Process" } type }
        && type.ContainingNamespace?.ToDisplayString() == "System.Diagnostics"
        && call.Arguments.Length == 1;

    private static ILocalSymbol? LocalOf(IOperation site, IOperation? direct)
    {
        if (site is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } })
        {
            return (Unwrap(instance) as ILocalReferenceOperation)?.Local;
        }

        if (direct is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return declarator.Symbol;
        }

        if (direct is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment && ReferenceEquals(Unwrap(assignment.Value), site))
        {
            return target.Local;
        }

        return null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
