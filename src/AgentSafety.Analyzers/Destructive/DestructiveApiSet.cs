using AgentSafety.Analyzers.Common;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// The built-in and user catalogues resolved against one compilation, once, so that classifying a called method is a
/// dictionary lookup by name followed by a few symbol comparisons.
/// </summary>
internal sealed class DestructiveApiSet
{
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, string Description)>> _byMethodName = new();
    private readonly Dictionary<IMethodSymbol, string> _exactMethods = new(SymbolEqualityComparer.Default);
    private readonly List<(INamedTypeSymbol Type, string Description)> _types = new();
    private readonly List<(INamespaceSymbol Namespace, string Description)> _namespaces = new();
    private readonly DestructiveApiSet? _removals;
    private DestructiveApiSet? _builtInExemptions;
    private INamedTypeSymbol? _armResource;
    private INamedTypeSymbol? _waitUntil;

    private DestructiveApiSet(DestructiveApiSet? removals) => _removals = removals;

    /// <summary>What an Azure Resource Manager delete matched by shape destroys.</summary>
    public const string ResourceManagerDescription = "deletes an Azure resource";

    /// <summary>The ASA203 diagnostics for user catalogue lines that resolve to nothing, by file path.</summary>
    public ImmutableDictionary<string, ImmutableArray<Diagnostic>> Unresolved { get; private set; } = ImmutableDictionary<string, ImmutableArray<Diagnostic>>.Empty;

    /// <summary>Every method name an M: line names; T: and N: lines name none (see <see cref="HasTypeOrNamespaceEntries"/>).</summary>
    public IEnumerable<string> MethodNames
    {
        get
        {
            foreach (var name in _byMethodName.Keys)
            {
                yield return name;
            }

            foreach (var method in _exactMethods.Keys)
            {
                yield return method.Name;
            }

            if (_armResource is not null)
            {
                yield return "Delete";
                yield return "DeleteAsync";
            }
        }
    }

    public bool HasTypeOrNamespaceEntries => _types.Count > 0 || _namespaces.Count > 0;

    public bool IsEmpty => _removals is null && _armResource is null && _byMethodName.Count == 0 && _exactMethods.Count == 0 && _types.Count == 0 && _namespaces.Count == 0;

    /// <summary>
    /// The built-in lines that match calls named <paramref name="methodName"/>, resolved against a compilation with no
    /// user catalogue: what ASA201 needs for the first call of that name it meets, and nothing else.
    /// </summary>
    public static DestructiveApiSet ForMethodName(Compilation compilation, string methodName) => ForMethodName(new TypeCache(compilation), methodName);

    /// <summary>
    /// The built-in lines of one method name, resolved through <paramref name="types"/>: one cache for all the names of
    /// a compilation, so that a root namespace the compilation lacks (Amazon, Azure, k8s …) is looked up once, not once
    /// per catalogued name the code calls.
    /// </summary>
    public static DestructiveApiSet ForMethodName(TypeCache types, string methodName)
    {
        var set = new DestructiveApiSet(null);
        if (DestructiveApiCatalog.BuiltInByMethodName is not { } byName || !byName.TryGetValue(methodName, out var entries))
        {
            return set;
        }

        foreach (var entry in entries)
        {
            set.Add(types, entry);
        }

        if (methodName is "Delete" or "DeleteAsync")
        {
            set.AddResourceManagerShape(types);
        }

        return set;
    }

    public static DestructiveApiSet Create(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var userFiles = new List<(string Path, SourceText Text, List<DestructiveApiEntry> Entries, List<MalformedCatalogueLine> Malformed)>();
        foreach (var file in additionalFiles)
        {
            if (DestructiveApiCatalog.IsUserCatalogue(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                var malformed = new List<MalformedCatalogueLine>();
                userFiles.Add((file.Path, text, DestructiveApiCatalog.Parse(text, malformed), malformed));
            }
        }

        var types = new TypeCache(compilation);
        var problems = new Dictionary<string, ImmutableArray<Diagnostic>.Builder>();
        void Report(string path, SourceText text, TextSpan span, string id, string reason)
        {
            if (!problems.TryGetValue(path, out var list))
            {
                problems[path] = list = ImmutableArray.CreateBuilder<Diagnostic>();
            }

            list.Add(Diagnostic.Create(Descriptors.UnresolvedDestructiveApiEntry, Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), id, reason));
        }

        // Removals first, wherever they sit in the files, so that a '!' line wins over the built-in line it names.
        var removals = new DestructiveApiSet(null);
        foreach (var (path, text, entries, _) in userFiles)
        {
            foreach (var entry in entries)
            {
                if (entry.IsRemoval && removals.Add(types, entry) is { } reason)
                {
                    Report(path, text, entry.Span, "!" + entry.Id, reason);
                }
            }
        }

        var set = new DestructiveApiSet(removals.IsEmpty ? null : removals);

        // Built-in entries for SDKs the project does not reference cost nothing and say nothing.
        foreach (var entry in DestructiveApiCatalog.BuiltIn)
        {
            if (!entry.IsRemoval)
            {
                set.Add(types, entry);
            }
        }

        set.AddResourceManagerShape(types);

        foreach (var (path, text, entries, malformed) in userFiles)
        {
            foreach (var entry in entries)
            {
                if (!entry.IsRemoval && set.Add(types, entry) is { } reason)
                {
                    Report(path, text, entry.Span, entry.Id, reason);
                }
            }

            foreach (var line in malformed)
            {
                Report(path, text, line.Span, line.Text, "a line must be an M:, T: or N: documentation ID, optionally after '!' and before ';description'");
            }
        }

        var unresolved = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Diagnostic>>();
        foreach (var pair in problems)
        {
            unresolved[pair.Key] = pair.Value.ToImmutable();
        }

        set.Unresolved = unresolved.ToImmutable();
        return set;
    }

    /// <summary>What <paramref name="method"/> destroys, or null when no catalogue line names it (or a removal line does).</summary>
    public string? Classify(IMethodSymbol method)
    {
        var description = Match(method) ?? MatchResourceManagerShape(method);
        if (description is null || IsRemoved(method))
        {
            return null;
        }

        return description;
    }

    /// <summary>
    /// The Azure Resource Manager shape rule, when the compilation references Azure.ResourceManager, with the built-in
    /// '!' lines: each names an Azure resource that holds nothing (tags, extensions, run commands), which the rule leaves alone.
    /// </summary>
    private void AddResourceManagerShape(TypeCache types)
    {
        var symbols = KnownSymbols.For(types.Compilation);
        _armResource = symbols.ArmResource;
        _waitUntil = _armResource is null ? null : symbols.WaitUntil;
        if (_waitUntil is null)
        {
            _armResource = null;
            return;
        }

        var exemptions = new DestructiveApiSet(null);
        foreach (var entry in DestructiveApiCatalog.BuiltIn)
        {
            if (entry.IsRemoval)
            {
                exemptions.Add(types, entry);
            }
        }

        _builtInExemptions = exemptions.IsEmpty ? null : exemptions;
    }

    /// <summary>Whether a user's '!' line names the method, which then is not destructive by any built-in rule.</summary>
    public bool IsRemoved(IMethodSymbol method) => _removals is not null && _removals.Match(method) is not null;

    /// <summary>
    /// Azure Resource Manager resources are too many to list: every <c>Delete</c>/<c>DeleteAsync(WaitUntil, ...)</c> on
    /// an <c>ArmResource</c> deletes the resource, except on the kinds the built-in catalogue exempts with a '!' line.
    /// </summary>
    private string? MatchResourceManagerShape(IMethodSymbol method)
    {
        if (_armResource is null
            || method.Name is not ("Delete" or "DeleteAsync")
            || method.Parameters.Length == 0
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _waitUntil)
            || !DerivesOrImplements(method.ContainingType, _armResource)
            || (_builtInExemptions is not null && _builtInExemptions.Match(method) is not null))
        {
            return null;
        }

        return ResourceManagerDescription;
    }

    private string? Match(IMethodSymbol method)
    {
        if (_byMethodName.TryGetValue(method.Name, out var candidates))
        {
            foreach (var (type, description) in candidates)
            {
                if (DerivesOrImplements(method.ContainingType, type))
                {
                    return description;
                }
            }
        }

        if (_exactMethods.Count > 0)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (_exactMethods.TryGetValue(current.OriginalDefinition, out var description))
                {
                    return description;
                }
            }

            foreach (var pair in _exactMethods)
            {
                if (pair.Key.ContainingType.TypeKind == TypeKind.Interface
                    && pair.Key.Name == method.Name
                    && method.ContainingType is { } type
                    && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.FindImplementationForInterfaceMember(pair.Key), method.OriginalDefinition))
                {
                    return pair.Value;
                }
            }
        }

        if (method.ContainingType is { } containing && containing.SpecialType == SpecialType.None)
        {
            foreach (var (type, description) in _types)
            {
                if (DerivesOrImplements(containing, type))
                {
                    return description;
                }
            }

            foreach (var (ns, description) in _namespaces)
            {
                for (var current = containing.ContainingNamespace; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, ns))
                    {
                        return description;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Adds what the entry names; returns why it names nothing, or null.</summary>
    private string? Add(TypeCache types, DestructiveApiEntry entry)
    {
        var compilation = types.Compilation;
        switch (entry.Kind)
        {
            case CatalogueEntryKind.EveryOverload:
                var type = types.Get(entry.TypeMetadataName);
                if (type is null)
                {
                    return $"no type '{entry.TypeMetadataName}' is referenced";
                }

                if (!HasMethodNamed(type, entry.MethodName))
                {
                    return $"type '{entry.TypeMetadataName}' has no method '{entry.MethodName}'";
                }

                AddByName(entry.MethodName, type, entry.Description);

                // Both directions: a line on the client class also covers calls made through the interfaces it implements.
                if (type.TypeKind != TypeKind.Interface)
                {
                    foreach (var @interface in type.AllInterfaces)
                    {
                        foreach (var member in @interface.GetMembers(entry.MethodName))
                        {
                            if (member is IMethodSymbol && type.FindImplementationForInterfaceMember(member) is not null)
                            {
                                AddByName(entry.MethodName, @interface.OriginalDefinition, entry.Description);
                                break;
                            }
                        }
                    }
                }

                return null;
            case CatalogueEntryKind.ExactMethod:
                var found = false;
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(entry.Id, compilation))
                {
                    if (symbol is IMethodSymbol method)
                    {
                        found = true;
                        _exactMethods[method.OriginalDefinition] = entry.Description;
                        foreach (var @interface in method.ContainingType.AllInterfaces)
                        {
                            foreach (var member in @interface.GetMembers(method.Name))
                            {
                                if (member is IMethodSymbol interfaceMethod
                                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                                {
                                    _exactMethods[interfaceMethod.OriginalDefinition] = entry.Description;
                                }
                            }
                        }
                    }
                }

                if (found)
                {
                    return null;
                }

                return entry.Id.IndexOf('(') < 0
                    ? "an M: ID without a parameter list names only the parameterless overload; write the parameter types, or '(*)' for every overload"
                    : "no method has this documentation ID; check the parameter types, or write '(*)' for every overload";
            case CatalogueEntryKind.Type:
                var namedType = types.Get(entry.TypeMetadataName);
                if (namedType is null)
                {
                    return $"no type '{entry.TypeMetadataName}' is referenced";
                }

                _types.Add((namedType, entry.Description));
                return null;
            default:
                var ns = FindNamespace(compilation, entry.TypeMetadataName);
                if (ns is null)
                {
                    return $"no namespace '{entry.TypeMetadataName}' is referenced";
                }

                _namespaces.Add((ns, entry.Description));
                return null;
        }
    }

    private void AddByName(string methodName, INamedTypeSymbol type, string description)
    {
        if (!_byMethodName.TryGetValue(methodName, out var list))
        {
            _byMethodName[methodName] = list = new List<(INamedTypeSymbol, string)>();
        }

        foreach (var existing in list)
        {
            if (SymbolEqualityComparer.Default.Equals(existing.Type, type))
            {
                return;
            }
        }

        list.Add((type, description));
    }

    private static bool HasMethodNamed(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IMethodSymbol)
                {
                    return true;
                }
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(name))
            {
                if (member is IMethodSymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static INamespaceSymbol? FindNamespace(Compilation compilation, string name)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        foreach (var part in name.Split('.'))
        {
            INamespaceSymbol? next = null;
            // By name, so that the compiler does not populate every member of the namespace (see TypeCache).
            foreach (var member in current!.GetMembers(part))
            {
                if (member is INamespaceSymbol ns)
                {
                    next = ns;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    internal static bool DerivesOrImplements(INamedTypeSymbol? type, INamedTypeSymbol target)
    {
        if (type is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The catalogue's types as one compilation resolves them, each looked up once: the catalogue names each type many
    /// times, and most name SDKs the compilation does not reference, which the top-level namespace rejects without a
    /// search of every assembly. One serves a whole <see cref="Create"/>, or every <see cref="ForMethodName(TypeCache, string)"/>
    /// of a compilation; shared by the threads of a concurrent analysis, two racing on one name compute the same answer.
    /// </summary>
    internal sealed class TypeCache
    {
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _rootNamespaces = new(StringComparer.Ordinal);

        public TypeCache(Compilation compilation)
        {
            Compilation = compilation;
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? Get(string metadataName)
        {
            if (!_types.TryGetValue(metadataName, out var type))
            {
                var dot = metadataName.IndexOf('.');
                type = dot > 0 && !HasRootNamespace(metadataName.Substring(0, dot))
                    ? null
                    : Compilation.GetTypeByMetadataName(metadataName);
                _types[metadataName] = type;
            }

            return type;
        }

        /// <summary>
        /// Looked up by name: listing the global namespace's members instead makes the compiler populate every member of
        /// every referenced assembly's global namespace, 2.3 ms a compilation on Newtonsoft.Json, 32% of this package's time there.
        /// </summary>
        private bool HasRootNamespace(string name)
        {
            if (!_rootNamespaces.TryGetValue(name, out var exists))
            {
                exists = false;
                foreach (var member in Compilation.GlobalNamespace.GetMembers(name))
                {
                    if (member is INamespaceSymbol)
                    {
                        exists = true;
                        break;
                    }
                }

                _rootNamespaces[name] = exists;
            }

            return exists;
        }
    }
}
