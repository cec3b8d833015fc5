using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// ASA201: a call to a destructive infrastructure SDK method (built-in catalogue, Azure Resource Manager deletes by
/// shape, or a method marked <c>[DestructiveOperation]</c>) that no confirmation guard wraps.
/// </summary>
// Hosted by AgentSafetyAnalyzer, the one analyzer the compiler loads: no [DiagnosticAnalyzer] here, or it would run twice.
#pragma warning disable RS1001 // see above
public sealed class UnguardedDestructiveCallAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    internal const string ActionProperty = "Action";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnguardedDestructiveCall, Descriptors.UnresolvedDestructiveApiEntry);

    public override void Initialize(AnalysisContext context)
    {
        // Generated clients declare these calls; the guard belongs at the call site a person writes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A project's own catalogue is resolved at once, for ASA203 to report the lines that name nothing. The
            // built-in one waits for the first call whose name it lists: most compilations never make one, and
            // resolving 600 lines against the references is the largest cost this rule has.
            DestructiveApiSet? userCatalogue = null;
            foreach (var file in start.Options.AdditionalFiles)
            {
                if (DestructiveApiCatalog.IsUserCatalogue(file.Path))
                {
                    userCatalogue = DestructiveApiSet.Create(start.Compilation, start.Options.AdditionalFiles, start.CancellationToken);
                    break;
                }
            }

            if (userCatalogue is { Unresolved.IsEmpty: false })
            {
                start.RegisterAdditionalFileAction(file => ReportUnresolvedEntries(file, userCatalogue));
            }

            var analyzer = new CompilationAnalyzer(start.Compilation, userCatalogue);
            start.RegisterInvocationAction(analyzer.CalledNames, analyzer.AnalyzeInvocation);
            start.RegisterOperationAction(analyzer.AnalyzeMethodReference, OperationKind.MethodReference);
        });
    }

    private static void ReportUnresolvedEntries(AdditionalFileAnalysisContext context, DestructiveApiSet catalogue)
    {
        if (catalogue.Unresolved.TryGetValue(context.AdditionalFile.Path, out var diagnostics))
        {
            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private sealed class CompilationAnalyzer
    {
        private readonly Compilation _compilation;
        /// <summary>The built-in catalogue's names do not change between compilations: their sets are built once.</summary>
        private static readonly Lazy<CatalogueNames?> BuiltInCandidateNames =
            new(() => DestructiveApiCatalog.BuiltInMethodNames is { } names ? new CatalogueNames(names) : null);

        private readonly ConcurrentDictionary<IMethodSymbol, string> _verdicts = new(SymbolEqualityComparer.Default);
        private readonly Lazy<CatalogueNames?> _candidateNames;
        private readonly ConcurrentDictionary<string, DestructiveApiSet> _byName = new(StringComparer.Ordinal);
        private readonly DestructiveApiSet.TypeCache _catalogueTypes;
        private readonly Lazy<DestructiveApiSet> _wholeBuiltIn;
        private readonly DestructiveApiSet? _catalogue;
        private readonly object _lock = new();
        private WholeCollectionDeletes? _wholeCollectionDeletes;

        public CompilationAnalyzer(Compilation compilation, DestructiveApiSet? userCatalogue)
        {
            _compilation = compilation;
            _catalogue = userCatalogue;
            _catalogueTypes = new DestructiveApiSet.TypeCache(compilation);

            // Decided on the first call, not at compilation start: the symbol lookup would wait there for the compiler
            // to finish binding the references, and that wait is charged to this rule.
            _candidateNames = new Lazy<CatalogueNames?>(() => FindCandidateNames(compilation, userCatalogue));

            // No user catalogue reaches this path (one is resolved at compilation start), so no file is read.
            _wholeBuiltIn = new Lazy<DestructiveApiSet>(() => DestructiveApiSet.Create(compilation, ImmutableArray<AdditionalText>.Empty, CancellationToken.None));
        }

        /// <summary>
        /// Nearly every invocation is rejected by its name alone; null when every name is a candidate: T:/N: catalogue
        /// lines, or a [DestructiveOperation] attribute the compilation can see.
        /// </summary>
        private static CatalogueNames? FindCandidateNames(Compilation compilation, DestructiveApiSet? userCatalogue)
        {
            if (compilation.ContainsSymbolsWithName("DestructiveOperationAttribute", SymbolFilter.Type)
                || KnownSymbols.ReferencesDefineDestructiveOperationAttribute(compilation))
            {
                return null;
            }

            if (userCatalogue is null)
            {
                return BuiltInCandidateNames.Value;
            }

            return userCatalogue.HasTypeOrNamespaceEntries ? null : new CatalogueNames(userCatalogue.MethodNames);
        }

        /// <summary>
        /// The catalogue lines that can match a method of this name: the user's whole catalogue with the built-in one,
        /// when the project has one; otherwise the built-in lines of that name alone, resolved on the first call of
        /// the name (a project that calls Reset once resolves four lines, not six hundred).
        /// </summary>
        /// <remarks>
        /// A built-in T: or N: line names no method, so the lines cannot be split by name: then the whole built-in
        /// catalogue is resolved, once.
        /// </remarks>
        private DestructiveApiSet CatalogueFor(string methodName) =>
            _catalogue
            ?? (DestructiveApiCatalog.BuiltInByMethodName is null
                ? _wholeBuiltIn.Value
                : _byName.GetOrAdd(methodName, name => DestructiveApiSet.ForMethodName(_catalogueTypes, name)));

        private WholeCollectionDeletes WholeCollections
        {
            get
            {
                if (Volatile.Read(ref _wholeCollectionDeletes) is { } deletes)
                {
                    return deletes;
                }

                lock (_lock)
                {
                    return _wholeCollectionDeletes ??= new WholeCollectionDeletes(KnownSymbols.For(_compilation));
                }
            }
        }

        /// <summary>The names of calls that may be destructive: catalogued names, the EF Core and MongoDB whole-collection deletes, or every name when every name is a candidate.</summary>
        public InvocationNames CalledNames() => _candidateNames.Value?.Called ?? InvocationNames.Every;

        /// <summary>An invocation of a method <see cref="CalledNames"/> reads.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            var description = _verdicts.GetOrAdd(original, Classify);
            if (description.Length == 0
                && WholeCollectionDeletes.IsCandidateName(method.Name)
                && !WholeCollections.IsEmpty)
            {
                description = WholeCollections.Classify(invocation) ?? string.Empty;
            }

            if (description.Length > 0 && !ConfirmationGuards.IsGuarded(invocation, context.ContainingSymbol))
            {
                Report(context, invocation, original, description);
            }
        }

        /// <summary>
        /// A destructive method handed over as a method group (<c>names.Select(s3.DeleteBucketAsync)</c>) runs wherever the
        /// delegate is invoked, which no guard wraps unless the group is passed to the guard itself.
        /// </summary>
        public void AnalyzeMethodReference(OperationAnalysisContext context)
        {
            var reference = (IMethodReferenceOperation)context.Operation;
            var method = reference.Method;
            if (_candidateNames.Value is { } names && !names.Referenced.Reads(method.Name))
            {
                return;
            }

            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            var description = _verdicts.GetOrAdd(original, Classify);
            if (description.Length > 0 && !ConfirmationGuards.IsGuarded(reference, context.ContainingSymbol))
            {
                Report(context, reference, original, description);
            }
        }

        /// <summary>
        /// The catalogue's method names as the names this rule reads: the host folds <see cref="Called"/> into its one
        /// table of every rule's call names (<see cref="InvocationNames"/>).
        /// </summary>
        private sealed class CatalogueNames
        {
            public CatalogueNames(IEnumerable<string> names)
            {
                // A user catalogue's names are yielded from its tables: read them once.
                var catalogued = names.ToArray();
                Referenced = InvocationNames.Of(catalogued);
                Called = InvocationNames.Of(catalogued.Concat(WholeCollectionDeletes.CandidateNames));
            }

            /// <summary>Method groups: a catalogued name.</summary>
            public InvocationNames Referenced { get; }

            /// <summary>Calls: a catalogued name, or an EF Core or MongoDB whole-collection delete.</summary>
            public InvocationNames Called { get; }
        }

        private static void Report(OperationAnalysisContext context, IOperation site, IMethodSymbol method, string description)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ActionProperty, ActionNames.ForMethod(method));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnguardedDestructiveCall,
                site.Syntax.GetLocation(),
                properties,
                method.ContainingType?.Name + "." + method.Name,
                description));
        }

        /// <summary>What the method destroys, or an empty string when it destroys nothing we know of.</summary>
        private string Classify(IMethodSymbol method)
        {
            if (ConfirmationGuards.HasAttribute(method, "DestructiveOperationAttribute"))
            {
                var text = ConfirmationGuards.AttributeDescription(method, "DestructiveOperationAttribute")
                    ?? ConfirmationGuards.AttributeDescription(method, "DestructiveOperation");
                return string.IsNullOrWhiteSpace(text) ? "is marked [DestructiveOperation]" : text!;
            }

            // The catalogue also holds the Azure Resource Manager shape rule and its exemptions.
            var catalogue = CatalogueFor(method.Name);
            return !catalogue.IsEmpty && catalogue.Classify(method) is { } description ? description : string.Empty;
        }
    }
}
