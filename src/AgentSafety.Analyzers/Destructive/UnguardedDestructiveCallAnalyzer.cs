using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// ASA201: a call to a destructive infrastructure SDK method (built-in catalogue, Azure Resource Manager deletes by
/// shape, or a method marked <c>[DestructiveOperation]</c>) that no confirmation guard wraps.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnguardedDestructiveCallAnalyzer : DiagnosticAnalyzer
{
    internal const string ActionProperty = "Action";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnguardedDestructiveCall);

    public override void Initialize(AnalysisContext context)
    {
        // Generated clients declare these calls; the guard belongs at the call site a person writes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var analyzer = new CompilationAnalyzer(start.Compilation);
            start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalyzer
    {
        private readonly Dictionary<string, List<(INamedTypeSymbol Type, string Description)>> _byMethodName = new();
        private readonly INamedTypeSymbol? _armResource;
        private readonly INamedTypeSymbol? _waitUntil;
        private readonly ConcurrentDictionary<IMethodSymbol, string> _verdicts = new(SymbolEqualityComparer.Default);

        public CompilationAnalyzer(Compilation compilation)
        {
            // Resolved once per compilation: a project that references no catalogued SDK keeps an empty table.
            foreach (var entry in DestructiveApiCatalog.BuiltIn)
            {
                var type = compilation.GetTypeByMetadataName(entry.TypeMetadataName);
                if (type is null)
                {
                    continue;
                }

                if (!_byMethodName.TryGetValue(entry.MethodName, out var list))
                {
                    _byMethodName[entry.MethodName] = list = new List<(INamedTypeSymbol, string)>();
                }

                list.Add((type, entry.Description));
            }

            _armResource = compilation.GetTypeByMetadataName("Azure.ResourceManager.ArmResource");
            _waitUntil = compilation.GetTypeByMetadataName("Azure.WaitUntil");
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            var description = _verdicts.GetOrAdd(original, Classify);
            if (description.Length == 0 || ConfirmationGuards.IsGuarded(invocation, context.ContainingSymbol))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(ActionProperty, ActionName(original));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnguardedDestructiveCall,
                invocation.Syntax.GetLocation(),
                properties,
                original.ContainingType?.Name + "." + original.Name,
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

            if (_armResource is not null && _waitUntil is not null
                && method.Name is "Delete" or "DeleteAsync"
                && method.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _waitUntil)
                && DerivesOrImplements(method.ContainingType, _armResource))
            {
                return "deletes an Azure resource";
            }

            return string.Empty;
        }

        private static bool DerivesOrImplements(INamedTypeSymbol? type, INamedTypeSymbol target)
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

        private static string ActionName(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            var provider = ns.Split('.')[0] switch
            {
                "Amazon" => "aws",
                "Azure" => "azure",
                "k8s" => "kubernetes",
                "Docker" => "docker",
                "StackExchange" => "redis",
                "MongoDB" => "mongodb",
                "Google" => "gcp",
                "Octokit" => "github",
                "Pulumi" => "pulumi",
                "Microsoft" when ns.StartsWith("Microsoft.EntityFrameworkCore", System.StringComparison.Ordinal) => "efcore",
                "Microsoft" when ns.StartsWith("Microsoft.Azure", System.StringComparison.Ordinal) => "azure",
                _ => "app",
            };
            var name = method.Name.EndsWith("Async", System.StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name;
            return provider + ":" + name;
        }
    }
}
