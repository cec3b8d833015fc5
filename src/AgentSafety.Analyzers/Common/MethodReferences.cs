using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The method groups an operation tree takes (<c>Guard.Run(DropLocal)</c>), by the method's original definition, found
/// in one walk per tree and kept for as long as the tree lives. Walking the whole tree once per question costs the
/// square of a large method's size.
/// </summary>
internal sealed class MethodReferences
{
    private static readonly ConditionalWeakTable<IOperation, MethodReferences> Cache = new();
    private static readonly List<IMethodReferenceOperation> None = new();

    private readonly Dictionary<IMethodSymbol, List<IMethodReferenceOperation>> _byMethod = new(SymbolEqualityComparer.Default);

    private MethodReferences(IOperation root)
    {
        foreach (var reference in root.Descendants().OfType<IMethodReferenceOperation>())
        {
            var method = reference.Method.OriginalDefinition;
            if (!_byMethod.TryGetValue(method, out var references))
            {
                references = new List<IMethodReferenceOperation>();
                _byMethod.Add(method, references);
            }

            references.Add(reference);
        }
    }

    /// <summary>The references in the tree under <paramref name="root"/>, built on first use.</summary>
    public static MethodReferences For(IOperation root) => Cache.GetValue(root, static r => new MethodReferences(r));

    /// <summary>In tree order, every reference to <paramref name="originalDefinition"/>.</summary>
    public IReadOnlyList<IMethodReferenceOperation> To(IMethodSymbol originalDefinition) =>
        _byMethod.TryGetValue(originalDefinition, out var references) ? references : None;
}
