using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// What a body's syntax says about the names written in it, read in one walk per body and kept for as long as its
/// syntax tree lives. Asking "is this local assigned again?" or "what is written through this local?" once per
/// reference by walking the whole body costs the square of the body's size: a generated method of 6,000 locals took
/// half a minute. Only syntax goes in, so the answers hold for every compilation that shares the tree (the IDE reuses
/// an unchanged document's tree across compilations).
/// </summary>
internal sealed class BodyIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(TextSpan, int), BodyIndex>> Cache = new();
    private static readonly List<SyntaxNode> None = new();

    private readonly HashSet<string> _assigned = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<SyntaxNode>> _memberWrites = new(System.StringComparer.Ordinal);

    private BodyIndex(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    if (assignment.Left is IdentifierNameSyntax assigned)
                    {
                        _assigned.Add(assigned.Identifier.ValueText);
                    }
                    else if (assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner })
                    {
                        Add(owner, node);
                    }

                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } } }:
                    Add(owner, node);
                    break;
            }
        }
    }

    /// <summary>The index of a body (a method, accessor, local function, lambda or compilation unit), built on first use.</summary>
    public static BodyIndex For(SyntaxNode body)
    {
        var bodies = Cache.GetValue(body.SyntaxTree, static _ => new ConcurrentDictionary<(TextSpan, int), BodyIndex>());
        var key = (body.Span, body.RawKind);
        return bodies.TryGetValue(key, out var index) ? index : bodies.GetOrAdd(key, new BodyIndex(body));
    }

    /// <summary>Whether any assignment (<c>=</c>, <c>+=</c>, <c>??=</c> …) in the body, nested functions included, writes a bare name.</summary>
    public bool IsAssigned(string name) => _assigned.Contains(name);

    /// <summary>
    /// In document order, the assignments to a member of <paramref name="name"/> (<c>name.Member = …</c>) and the calls
    /// on a member of it (<c>name.Member.Method(…)</c>) in the body.
    /// </summary>
    public IReadOnlyList<SyntaxNode> MemberWrites(string name) =>
        _memberWrites.TryGetValue(name, out var nodes) ? nodes : None;

    private void Add(IdentifierNameSyntax owner, SyntaxNode node)
    {
        var name = owner.Identifier.ValueText;
        if (!_memberWrites.TryGetValue(name, out var nodes))
        {
            nodes = new List<SyntaxNode>();
            _memberWrites.Add(name, nodes);
        }

        nodes.Add(node);
    }
}
