using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The text an expression carries at run time as far as source shows it: constants, <c>static readonly</c> fields
/// initialised with literals, locals assigned once, concatenation, interpolation (holes become <c>{…}</c>), and the
/// arguments and members of the objects that wrap a request body (<c>StringContent</c>, anonymous objects,
/// <c>JsonContent.Create</c>). Bounded in depth and length so that no input makes it slow.
/// </summary>
internal static class ConstantText
{
    private const int MaxDepth = 8;
    private const int MaxLength = 64 * 1024;

    public static List<string> Collect(IOperation? operation)
    {
        var texts = new List<string>();
        Collect(operation, texts, 0);
        return texts;
    }

    private static void Collect(IOperation? operation, List<string> texts, int depth)
    {
        if (operation is null || depth > MaxDepth || texts.Count > 16)
        {
            return;
        }

        if (operation.ConstantValue.HasValue)
        {
            if (operation.ConstantValue.Value is string constant && constant.Length <= MaxLength)
            {
                texts.Add(constant);
            }

            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Collect(conversion.Operand, texts, depth + 1);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                var joined = Join(binary, depth);
                if (joined is not null)
                {
                    texts.Add(joined);
                }

                break;
            case IInterpolatedStringOperation interpolated:
                texts.Add(Interpolate(interpolated, depth));
                break;
            case IFieldReferenceOperation field:
                AddFieldInitializer(field.Field, texts);
                break;
            case ILocalReferenceOperation local:
                CollectLocal(local, texts, depth);
                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    Collect(argument.Value, texts, depth + 1);
                }

                if (creation.Initializer is not null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        Collect(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer, texts, depth + 1);
                    }
                }

                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    Collect(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer, texts, depth + 1);
                }

                break;
            case IInvocationOperation invocation when invocation.TargetMethod.Name is "Create" or "Serialize" or "Format" or "Concat" or "Join":
                foreach (var argument in invocation.Arguments)
                {
                    Collect(argument.Value, texts, depth + 1);
                }

                break;
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                foreach (var element in arrayInitializer.ElementValues)
                {
                    Collect(element, texts, depth + 1);
                }

                break;
        }
    }

    private static string? Join(IBinaryOperation binary, int depth)
    {
        var left = Single(binary.LeftOperand, depth + 1);
        var right = Single(binary.RightOperand, depth + 1);
        var text = (left ?? "{…}") + (right ?? "{…}");
        return left is null && right is null ? null : text;
    }

    private static string? Single(IOperation operation, int depth)
    {
        var parts = new List<string>();
        Collect(operation, parts, depth);
        return parts.Count == 1 ? parts[0] : null;
    }

    private static string Interpolate(IInterpolatedStringOperation interpolated, int depth)
    {
        var sb = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string value)
            {
                sb.Append(value);
            }
            else if (part is IInterpolationOperation hole)
            {
                sb.Append(Single(hole.Expression, depth + 1) ?? "{…}");
            }

            if (sb.Length > MaxLength)
            {
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A <c>static readonly</c> string field initialised with literals, read from its declaration's syntax.</summary>
    private static void AddFieldInitializer(IFieldSymbol field, List<string> texts)
    {
        if (!field.IsReadOnly || field.Type.SpecialType != SpecialType.System_String)
        {
            return;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } && LiteralText(value) is { } text)
            {
                texts.Add(text);
            }
        }
    }

    private static string? LiteralText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => StringLiterals.ValueOf(literal.Token),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && LiteralText(binary.Left) is { } l && LiteralText(binary.Right) is { } r => l + r,
        ParenthesizedExpressionSyntax parenthesized => LiteralText(parenthesized.Expression),
        _ => null,
    };

    /// <summary>A local assigned once, at its declaration, in the same body.</summary>
    private static void CollectLocal(ILocalReferenceOperation local, List<string> texts, int depth) =>
        Collect(SingleAssignedValue(local), texts, depth + 1);

    /// <summary>The method, accessor, local function, lambda or top-level code whose body a local is declared in.</summary>
    public static SyntaxNode? EnclosingBody(SyntaxNode? declaration) =>
        declaration?.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);

    /// <summary>The value a local is initialised with, when nothing in its body assigns it again; otherwise null.</summary>
    public static IOperation? SingleAssignedValue(ILocalReferenceOperation local)
    {
        var symbol = local.Local;
        var model = local.SemanticModel;
        if (model is null)
        {
            return null;
        }

        var declarator = symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        if (declarator?.Initializer?.Value is not { } value)
        {
            return null;
        }

        var body = EnclosingBody(declarator);
        if (body is not null && Common.BodyIndex.For(body).IsAssigned(symbol.Name))
        {
            return null;
        }

        return model.GetOperation(value);
    }
}
