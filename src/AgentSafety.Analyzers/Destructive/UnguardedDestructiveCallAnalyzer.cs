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
        /// <summary>The built-in catalogue's names do not change between compilations: their table is built once.</summary>
        private static readonly Lazy<CandidateNames?> BuiltInCandidateNames =
            new(() => DestructiveApiCatalog.BuiltInMethodNames is { } names ? new CandidateNames(names) : null);

        private static readonly Lazy<InvocationNames> BuiltInCalledNames =
            new(() => BuiltInCandidateNames.Value is { } names ? CalledNamesOf(names) : InvocationNames.Every);

        private readonly ConcurrentDictionary<IMethodSymbol, string> _verdicts = new(SymbolEqualityComparer.Default);
        private readonly Lazy<CandidateNames?> _candidateNames;
        private readonly Lazy<InvocationNames> _calledNames;
        private readonly ConcurrentDictionary<string, DestructiveApiSet> _byName = new(StringComparer.Ordinal);
        private readonly Lazy<DestructiveApiSet> _wholeBuiltIn;
        private readonly DestructiveApiSet? _catalogue;
        private readonly object _lock = new();
        private WholeCollectionDeletes? _wholeCollectionDeletes;

        public CompilationAnalyzer(Compilation compilation, DestructiveApiSet? userCatalogue)
        {
            _compilation = compilation;
            _catalogue = userCatalogue;

            // Decided on the first call, not at compilation start: the symbol lookup would wait there for the compiler
            // to finish binding the references, and that wait is charged to this rule.
            _candidateNames = new Lazy<CandidateNames?>(() => FindCandidateNames(compilation, userCatalogue));
            _calledNames = new Lazy<InvocationNames>(() => _candidateNames.Value is not { } names
                ? InvocationNames.Every
                : ReferenceEquals(names, BuiltInCandidateNames.Value) ? BuiltInCalledNames.Value : CalledNamesOf(names));

            // No user catalogue reaches this path (one is resolved at compilation start), so no file is read.
            _wholeBuiltIn = new Lazy<DestructiveApiSet>(() => DestructiveApiSet.Create(compilation, ImmutableArray<AdditionalText>.Empty, CancellationToken.None));
        }

        /// <summary>
        /// Nearly every invocation is rejected by its name alone; null when every name is a candidate: T:/N: catalogue
        /// lines, or a [DestructiveOperation] attribute the compilation can see.
        /// </summary>
        private static CandidateNames? FindCandidateNames(Compilation compilation, DestructiveApiSet? userCatalogue)
        {
            if (compilation.ContainsSymbolsWithName("DestructiveOperationAttribute", SymbolFilter.Type)
                || KnownSymbols.For(compilation).DestructiveOperationAttribute is not null)
            {
                return null;
            }

            if (userCatalogue is null)
            {
                return BuiltInCandidateNames.Value;
            }

            return userCatalogue.HasTypeOrNamespaceEntries ? null : new CandidateNames(new HashSet<string>(userCatalogue.MethodNames, StringComparer.Ordinal));
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
                : _byName.GetOrAdd(methodName, name => DestructiveApiSet.ForMethodName(_compilation, name)));

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
        public InvocationNames CalledNames() => _calledNames.Value;

        private static InvocationNames CalledNamesOf(CandidateNames names) => InvocationNames.Of(names.Names.Concat(WholeCollectionDeletes.CandidateNames));

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
            if (_candidateNames.Value is { } names && !names.Contains(method.Name))
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
        /// The catalogue's method names, behind a table of (length, first letter) pairs: a code base's calls are mostly
        /// let go by one bit read, before the name is hashed.
        /// </summary>
        /// <remarks>
        /// One bit per pair, 1 KB, where a byte per pair made 8 KB: the table is read on every call of a code base, between
        /// which the compiler's binding pushes it out of the processor's caches, and a call's pair lands in one of 16 cache
        /// lines instead of one of 128.
        /// </remarks>
        private sealed class CandidateNames
        {
            private const int MaxLength = 63;
            private readonly ICollection<string> _names;

            public IEnumerable<string> Names => _names;
            private readonly ulong[] _shapes = new ulong[(MaxLength + 1) * 128 / 64];

            public CandidateNames(ICollection<string> names)
            {
                _names = names;
                foreach (var name in names)
                {
                    if (name.Length > 0)
                    {
                        var shape = Shape(name);
                        _shapes[shape >> 6] |= 1UL << (shape & 63);
                    }
                }
            }

            public bool Contains(string name)
            {
                if (name.Length == 0)
                {
                    return false;
                }

                var shape = Shape(name);
                return (_shapes[shape >> 6] & (1UL << (shape & 63))) != 0 && _names.Contains(name);
            }

            private static int Shape(string name) => (Math.Min(name.Length, MaxLength) * 128) + (name[0] & 127);
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
