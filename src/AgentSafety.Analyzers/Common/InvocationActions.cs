using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// Invocation actions that name the method names they read (<see cref="InvocationNames"/>). A code base makes thousands
/// of calls and each rule reads a handful of names: under <see cref="AgentSafetyAnalyzer"/> the called method's name is
/// read once per call and a rule's action runs only when it reads that name, where four actions each called for every
/// invocation cost 1.2-1.4 ms a compilation of Newtonsoft.Json, a sixth of the package's time there.
/// </summary>
internal static class InvocationActions
{
    /// <summary>
    /// Registers <paramref name="action"/> for the invocations of a method whose name <paramref name="names"/> reads. The
    /// names must include every invocation the action could report on: the action is not called for the others. They are
    /// asked for on the first invocation, not here, so that a rule can resolve them from the compilation's symbols.
    /// </summary>
    public static void RegisterInvocationAction(this CompilationStartAnalysisContext start, Func<InvocationNames> names, Action<OperationAnalysisContext> action)
    {
        if (!RuleActions.TryRegisterInvocationAction(start, names, action))
        {
            // A rule run on its own, outside the host (its tests, the corpus runner's --per-rule): the same names, read here.
            start.RegisterOperationAction(
                context =>
                {
                    if (names().Reads(((IInvocationOperation)context.Operation).TargetMethod.Name))
                    {
                        action(context);
                    }
                },
                OperationKind.Invocation);
        }
    }
}
