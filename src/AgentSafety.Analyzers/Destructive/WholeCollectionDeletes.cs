using System;
using System.Collections.Generic;
using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// Calls that are routine with a filter and destroy a whole table or collection without one: EF Core's
/// <c>ExecuteDelete</c> on a <c>DbSet</c> with no <c>Where</c>, and MongoDB's <c>DeleteMany</c> with an empty filter.
/// Decided per call, not per method, so these are never cached as the method's verdict.
/// </summary>
internal sealed class WholeCollectionDeletes
{
    private readonly INamedTypeSymbol? _efQueryableExtensions;
    private readonly INamedTypeSymbol? _efRelationalQueryableExtensions;
    private readonly INamedTypeSymbol? _dbSet;
    private readonly INamedTypeSymbol? _mongoCollection;
    private readonly INamedTypeSymbol? _mongoCollectionExtensions;
    private readonly INamedTypeSymbol? _filterDefinition;
    private readonly INamedTypeSymbol? _filterDefinitionBuilder;
    private readonly INamedTypeSymbol? _bsonDocument;

    public WholeCollectionDeletes(KnownSymbols symbols)
    {
        _efQueryableExtensions = symbols.EfQueryableExtensions;
        _efRelationalQueryableExtensions = symbols.EfRelationalQueryableExtensions;
        _dbSet = symbols.EfDbSet;
        _mongoCollection = symbols.MongoCollection;
        _mongoCollectionExtensions = symbols.MongoCollectionExtensions;
        _filterDefinition = symbols.MongoFilterDefinition;
        _filterDefinitionBuilder = symbols.MongoFilterDefinitionBuilder;
        _bsonDocument = symbols.BsonDocument;
    }

    public bool IsEmpty => _dbSet is null && _mongoCollection is null;

    /// <summary>The names of the calls this reads: EF Core's ExecuteDelete and MongoDB's DeleteMany.</summary>
    public static IReadOnlyList<string> CandidateNames => Names;

    private static readonly string[] Names = { "ExecuteDelete", "ExecuteDeleteAsync", "DeleteMany", "DeleteManyAsync" };

    /// <summary>A cheap name test that rejects nearly every invocation before any symbol comparison.</summary>
    public static bool IsCandidateName(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>What the call destroys, or null when it is filtered (or not one of these calls).</summary>
    public string? Classify(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var containing = definition.ContainingType?.OriginalDefinition;
        if (method.Name.StartsWith("ExecuteDelete", StringComparison.Ordinal))
        {
            if (_dbSet is not null
                && (SymbolEqualityComparer.Default.Equals(containing, _efQueryableExtensions) || SymbolEqualityComparer.Default.Equals(containing, _efRelationalQueryableExtensions))
                && invocation.Arguments.Length > 0
                && IsUnfilteredDbSet(invocation.Arguments[0].Value))
            {
                return "deletes every row of the table (ExecuteDelete with no Where)";
            }

            return null;
        }

        if (_mongoCollection is null
            || !(SymbolEqualityComparer.Default.Equals(containing, _mongoCollection) || SymbolEqualityComparer.Default.Equals(containing, _mongoCollectionExtensions)))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "filter")
            {
                return IsEmptyFilter(argument.Value) ? "deletes every document of the collection (DeleteMany with an empty filter)" : null;
            }
        }

        return null;
    }

    /// <summary>The query is a DbSet itself, or a DbSet through operators that select no subset of its rows.</summary>
    private bool IsUnfilteredDbSet(IOperation operation)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            operation = Unwrap(operation);
            if (operation.Type is INamedTypeSymbol type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dbSet))
            {
                return true;
            }

            if (operation is not IInvocationOperation call || !IsNonFiltering(call.TargetMethod.Name))
            {
                return false;
            }

            if (call.Instance is not null)
            {
                operation = call.Instance;
            }
            else if (call.Arguments.Length > 0)
            {
                operation = call.Arguments[0].Value;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNonFiltering(string name) => name is
        "AsNoTracking" or "AsTracking" or "AsNoTrackingWithIdentityResolution" or "AsQueryable" or "IgnoreQueryFilters"
        or "TagWith" or "TagWithCallSite" or "Include" or "ThenInclude" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending";

    private bool IsEmptyFilter(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Empty" } property:
                var owner = property.Property.ContainingType?.OriginalDefinition;
                return SymbolEqualityComparer.Default.Equals(owner, _filterDefinitionBuilder) || SymbolEqualityComparer.Default.Equals(owner, _filterDefinition);
            case IObjectCreationOperation creation:
                return _bsonDocument is not null
                    && SymbolEqualityComparer.Default.Equals(creation.Type, _bsonDocument)
                    && creation.Arguments.Length == 0
                    && (creation.Initializer is null || creation.Initializer.Initializers.Length == 0);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string json } }:
                return IsEmptyJsonObject(json);
            case IAnonymousFunctionOperation lambda:
                return ReturnsTrue(lambda.Body);
            default:
                return false;
        }
    }

    private static bool ReturnsTrue(IBlockOperation body)
    {
        foreach (var statement in body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: { } value })
            {
                return Unwrap(value).ConstantValue is { HasValue: true, Value: true };
            }
        }

        return false;
    }

    private static bool IsEmptyJsonObject(string json)
    {
        var trimmed = json.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[trimmed.Length - 1] != '}')
        {
            return false;
        }

        for (var i = 1; i < trimmed.Length - 1; i++)
        {
            if (!char.IsWhiteSpace(trimmed[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation delegateCreation:
                    operation = delegateCreation.Target;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
