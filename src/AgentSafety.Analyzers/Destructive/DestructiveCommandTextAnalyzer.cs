using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// ASA202: SQL, GraphQL, REST or CLI text that destroys, reaching something that executes it (an ADO.NET command,
/// Dapper, EF Core raw SQL, <c>HttpClient</c>, a GraphQL client, <c>Process.Start</c>) with no confirmation guard around
/// the call. Reported at the executor.
/// </summary>
// Hosted by AgentSafetyAnalyzer, the one analyzer the compiler loads: no [DiagnosticAnalyzer] here, or it would run twice.
#pragma warning disable RS1001 // see above
public sealed class DestructiveCommandTextAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal)
    {
        "PostAsync", "PostAsJsonAsync", "PutAsync", "PutAsJsonAsync", "PatchAsync", "PatchAsJsonAsync", "SendAsync", "Send", "SendMutationAsync", "SendQueryAsync",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DestructiveCommandText);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Fetched on the first callback, not here: at compilation start the driver is still setting the compilation
            // up on another thread, and waiting for it there cost 1.2 ms a compilation in a profile of Newtonsoft.Json.
            var compilation = start.Compilation;
            KnownSymbols? types = null;
            KnownSymbols Types() => types ??= KnownSymbols.For(compilation);
            var pastCommand = new PastCommandVerdicts();
            start.RegisterInvocationAction(static () => Executors, c => AnalyzeInvocation(c, Types(), pastCommand));
            start.RegisterCreationAction(MayBeCommandName, c => AnalyzeCreation(c, Types()));
            start.RegisterOperationAction(c => AnalyzeAssignment(c, Types()), OperationKind.SimpleAssignment);
        });
    }

    /// <summary>
    /// The executors this rule reads: Execute* and Query* (ADO.NET, Dapper, EF Core, Redis), the HTTP and GraphQL senders,
    /// DeleteAsync and Start.
    /// </summary>
    private static readonly InvocationNames Executors = InvocationNames.Of(HttpMethods.Concat(new[] { "Start", "DeleteAsync" }), "Execute", "Query");

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols types, PastCommandVerdicts pastCommand)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var containing = (method.ReducedFrom ?? method).ContainingType;

        // cmd.ExecuteNonQuery(): the text comes from the command's creation or its last CommandText assignment.
        if (name.StartsWith("Execute", StringComparison.Ordinal) && invocation.Instance is { } executed && types.IsDbCommand(executed.Type as INamedTypeSymbol))
        {
            switch (CommandExecutions.SourceOf(invocation))
            {
                case IObjectCreationOperation creation:
                    CheckTexts(context, invocation, DbCommandTexts(creation), TextKind.Sql, method);
                    break;
                case ISimpleAssignmentOperation assignment:
                    CheckTexts(context, invocation, ConstantText.Collect(assignment.Value), TextKind.Sql, method);
                    break;
            }

            return;
        }

        switch (pastCommand.ExecutorOf(name, containing, types))
        {
            case Executor.Sender:
            {
                if (name is "SendAsync" or "Send" && types.IsHttp(containing) && PlatformDeleteRequest(invocation, types) is { } deleted)
                {
                    Report(context, invocation, new DestructiveText("REST DELETE", deleted, "rest:DELETE:" + deleted), method);
                    return;
                }

                if (name is "SendMutationAsync" or "SendQueryAsync" || types.IsHttp(containing))
                {
                    CheckTexts(context, invocation, Texts(invocation.Arguments), TextKind.GraphQl, method);
                }

                return;
            }

            case Executor.HttpDelete:
            {
                foreach (var text in Texts(invocation.Arguments))
                {
                    var host = PlatformHostIn(text);
                    if (host is not null)
                    {
                        Report(context, invocation, new DestructiveText("REST DELETE", host, "rest:DELETE:" + host), method);
                        return;
                    }
                }

                return;
            }

            case Executor.RedisCommand:
            {
                // db.Execute("FLUSHALL") sends the raw command, past IServer.FlushAllDatabases that ASA201 knows.
                if (invocation.Arguments.Length > 0
                    && invocation.Arguments[0].Value.ConstantValue.Value is string command
                    && CommandTextClassifier.TryClassifyRedis(command, out var redis))
                {
                    Report(context, invocation, redis, method);
                }

                return;
            }

            case Executor.SqlExtension:
            {
                var sql = invocation.Arguments.Where(a => a.Parameter?.Name is "sql" or "command" || a.Parameter?.Type.SpecialType == SpecialType.System_String || KnownSymbols.Is(a.Parameter?.Type, types.FormattableString));
                CheckTexts(context, invocation, Texts(sql), TextKind.Sql, method);
                return;
            }

            case Executor.ProcessStart:
            {
                // Process.Start(psi) where psi's arguments were added one by one (psi.ArgumentList.Add("destroy")): only the
                // whole method body shows the command. A command the creation already shows was reported there.
                if (invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is ILocalReferenceOperation startInfo
                    && types.IsProcessStartInfo(startInfo.Type as INamedTypeSymbol))
                {
                    // Reported here, where it starts, whether the creation or later lines show the command.
                    var built = StartInfoCommand(startInfo);
                    if (built is not null)
                    {
                        CheckTexts(context, invocation, new List<string> { built.Value.Whole }, TextKind.Command, method);
                    }

                    return;
                }

                if (invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is IObjectCreationOperation startInfoCreation
                    && types.IsProcessStartInfo(startInfoCreation.Type as INamedTypeSymbol))
                {
                    CheckTexts(context, invocation, new List<string> { string.Join(" ", StartInfoParts(startInfoCreation)) }, TextKind.Command, method);
                    return;
                }

                var joined = string.Join(" ", invocation.Arguments.Select(a => ArgumentVectorText.Of(a.Value) ?? Texts(new[] { a }).FirstOrDefault()).Where(t => t is not null));
                CheckTexts(context, invocation, joined.Length > 0 ? new List<string> { joined } : new List<string>(), TextKind.Command, method);
                return;
            }
        }
    }

    /// <summary>What a call is to this rule past the ADO.NET test, by its name and declaring type.</summary>
    private enum Executor
    {
        None,

        /// <summary>An HTTP or GraphQL sender: PostAsync, SendAsync, SendMutationAsync and the others of <see cref="HttpMethods"/>.</summary>
        Sender,

        /// <summary>HttpClient.DeleteAsync.</summary>
        HttpDelete,

        /// <summary>Redis's raw Execute and ExecuteAsync.</summary>
        RedisCommand,

        /// <summary>Dapper's or EF Core's methods that take SQL text.</summary>
        SqlExtension,

        /// <summary>Process.Start.</summary>
        ProcessStart,
    }

    /// <summary>
    /// Which branch of <see cref="AnalyzeInvocation"/> after the ADO.NET one a call of a method of this name declared on
    /// this type takes: the one place the branches' conditions are written. What the declaring type is (an HTTP sender,
    /// Redis, a SQL extension class, Process, or none of them) is kept for the type asked last, compared by reference;
    /// the name is then a comparison or two. StackExchange.Redis makes 700 calls of its own ExecuteSync and ExecuteAsync,
    /// in runs on one declaring type, where a verdict kept per (name, type) missed at each change of name, and each miss
    /// hashed the name and asked four to six types.
    /// </summary>
    private sealed class PastCommandVerdicts
    {
        // The type and what it is, one immutable object replaced whole, so that a thread never reads one type with
        // another's kinds.
        private Tuple<INamedTypeSymbol?, DeclaringKinds>? last;

        public Executor ExecutorOf(string name, INamedTypeSymbol? containing, KnownSymbols types)
        {
            var kinds = Volatile.Read(ref last) is { } kept && ReferenceEquals(kept.Item1, containing) ? kept.Item2 : KindsOf(containing, types);

            // The order is the branches' precedence: a call two conditions hold for takes the first (Execute on a Redis type
            // is its raw command, never SQL). A sender's name on a type that is not HTTP's is read only for the GraphQL
            // clients' two names, which the Sender branch reads on any type; it ignores the others there.
            if ((kinds & DeclaringKinds.Http) != 0 ? HttpMethods.Contains(name) : name is "SendMutationAsync" or "SendQueryAsync")
            {
                return Executor.Sender;
            }

            return (kinds & DeclaringKinds.Http) != 0 && name == "DeleteAsync" ? Executor.HttpDelete
                : (kinds & DeclaringKinds.Redis) != 0 && name is "Execute" or "ExecuteAsync" ? Executor.RedisCommand
                : (kinds & DeclaringKinds.SqlExtension) != 0 && (name.StartsWith("Execute", StringComparison.Ordinal) || name.StartsWith("Query", StringComparison.Ordinal)) ? Executor.SqlExtension
                : (kinds & DeclaringKinds.Process) != 0 && name == "Start" ? Executor.ProcessStart
                : Executor.None;
        }

        private DeclaringKinds KindsOf(INamedTypeSymbol? containing, KnownSymbols types)
        {
            var kinds = (types.IsHttp(containing) ? DeclaringKinds.Http : 0)
                | (types.IsRedis(containing) ? DeclaringKinds.Redis : 0)
                | (types.IsSqlExtension(containing) ? DeclaringKinds.SqlExtension : 0)
                | (types.IsProcess(containing) ? DeclaringKinds.Process : 0);
            Volatile.Write(ref last, Tuple.Create(containing, kinds));
            return kinds;
        }
    }

    /// <summary>What a method's declaring type is to <see cref="PastCommandVerdicts"/>.</summary>
    [Flags]
    private enum DeclaringKinds : byte
    {
        Http = 1,
        Redis = 2,
        SqlExtension = 4,
        Process = 8,
    }

    /// <summary>
    /// The platform host of an <c>HttpRequestMessage</c> sent with <c>HttpMethod.Delete</c>, written in place or held in a
    /// local assigned once; null for any other request.
    /// </summary>
    private static string? PlatformDeleteRequest(IInvocationOperation invocation, KnownSymbols types)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is ILocalReferenceOperation local)
            {
                value = ConstantText.SingleAssignedValue(local);
            }

            if (value is not IObjectCreationOperation request || !KnownSymbols.Is(request.Type, types.HttpRequestMessage))
            {
                continue;
            }

            var isDelete = false;
            var texts = new List<string>();
            foreach (var ctorArgument in request.Arguments)
            {
                isDelete |= IsDeleteMethod(ctorArgument.Value, types);
                if (ctorArgument.Value.Type?.SpecialType == SpecialType.System_String || KnownSymbols.Is(ctorArgument.Value.Type, types.Uri))
                {
                    texts.AddRange(ConstantText.Collect(ctorArgument.Value));
                }
            }

            if (request.Initializer is not null)
            {
                foreach (var member in request.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (member.Target is IPropertyReferenceOperation { Property.Name: "Method" })
                    {
                        isDelete |= IsDeleteMethod(member.Value, types);
                    }
                    else if (member.Target is IPropertyReferenceOperation { Property.Name: "RequestUri" })
                    {
                        texts.AddRange(ConstantText.Collect(member.Value));
                    }
                }
            }

            if (isDelete)
            {
                foreach (var text in texts)
                {
                    var host = PlatformHostIn(text);
                    if (host is not null)
                    {
                        return host;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsDeleteMethod(IOperation operation, KnownSymbols types) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "Delete" } property => KnownSymbols.Is(property.Property.ContainingType, types.HttpMethod),
        IObjectCreationOperation { Arguments.Length: 1 } creation => KnownSymbols.Is(creation.Type, types.HttpMethod)
            && creation.Arguments[0].Value.ConstantValue.Value is string verb && verb.Equals("DELETE", StringComparison.OrdinalIgnoreCase),
        IConversionOperation conversion => IsDeleteMethod(conversion.Operand, types),
        _ => false,
    };

    /// <summary>
    /// The command a <c>ProcessStartInfo</c> local carries: what its creation says, and that plus every constant its
    /// method body adds through <c>ArgumentList.Add</c> or assigns to <c>FileName</c>/<c>Arguments</c>.
    /// </summary>
    private static (string AtCreation, string Whole)? StartInfoCommand(ILocalReferenceOperation local)
    {
        if (ConstantText.SingleAssignedValue(local) is not IObjectCreationOperation creation || local.SemanticModel is not { } model)
        {
            return null;
        }

        var parts = StartInfoParts(creation);
        var atCreation = string.Join(" ", parts);
        var body = ConstantText.EnclosingBody(local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax());
        if (body is null)
        {
            return (atCreation, atCreation);
        }

        var name = local.Local.Name;
        foreach (var node in Common.BodyIndex.For(body).MemberWrites(name))
        {
            // psi.ArgumentList.Add("destroy")
            if (node is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax
                    {
                        Name.Identifier.ValueText: "Add",
                        Expression: MemberAccessExpressionSyntax
                        {
                            Name.Identifier.ValueText: "ArgumentList",
                            Expression: IdentifierNameSyntax owner,
                        },
                    },
                    ArgumentList.Arguments.Count: 1,
                } add
                && owner.Identifier.ValueText == name
                && model.GetConstantValue(add.ArgumentList.Arguments[0].Expression).Value is string argument)
            {
                parts.Add(ShellCommandLine.Quote(argument));
            }

            // psi.Arguments = "destroy -auto-approve"; psi.FileName = "terraform";
            else if (node is AssignmentExpressionSyntax
                {
                    Left: MemberAccessExpressionSyntax
                    {
                        Name.Identifier.ValueText: "Arguments" or "FileName",
                        Expression: IdentifierNameSyntax target,
                    },
                } assignment
                && target.Identifier.ValueText == name
                && model.GetConstantValue(assignment.Right).Value is string assigned)
            {
                parts.Add(assigned);
            }

            if (parts.Count > 64)
            {
                break;
            }
        }

        return (atCreation, string.Join(" ", parts));
    }

    /// <summary>The constant text a <c>ProcessStartInfo</c> creation carries: its arguments, then <c>FileName</c>/<c>Arguments</c> initializers.</summary>
    private static List<string> StartInfoParts(IObjectCreationOperation creation)
    {
        var parts = creation.Arguments.Select(a => ArgumentVectorText.Of(a.Value) ?? ConstantText.Collect(a.Value).FirstOrDefault()).Where(t => t is not null).ToList();
        if (creation.Initializer is not null)
        {
            foreach (var assignment in creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FileName" or "Arguments" })
                {
                    parts.AddRange(ConstantText.Collect(assignment.Value));
                }
            }

            // ArgumentList = { "destroy", "-auto-approve" }: a collection initializer, one Add per argument.
            foreach (var member in creation.Initializer.Initializers.OfType<IMemberInitializerOperation>())
            {
                if (member.InitializedMember is IPropertyReferenceOperation { Property.Name: "ArgumentList" })
                {
                    foreach (var add in member.Initializer.Initializers.OfType<IInvocationOperation>())
                    {
                        // Each item is one word of the command line, spaces and all, as ArgumentList.Add passes it.
                        parts.AddRange(add.Arguments.SelectMany(a => ConstantText.Collect(a.Value)).Select(ShellCommandLine.Quote));
                    }
                }
            }
        }

        return parts;
    }

    private static string? PlatformHostIn(string text) => PlatformApis.DeleteTarget(text);

    /// <summary>
    /// Command types are named so (SqlCommand, NpgsqlCommand ...), as is ProcessStartInfo: the test turns away nearly every
    /// creation before any walk of base types and interfaces.
    /// </summary>
    private static bool MayBeCommandName(string name) => name.EndsWith("Command", StringComparison.Ordinal) || name == "ProcessStartInfo";

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type as INamedTypeSymbol;

        // The registration read the type's name (MayBeCommandName); most of the rest pass no text at all.
        if ((creation.Arguments.Length == 0 && creation.Initializer is null) || type is null || creation.Constructor is null)
        {
            return;
        }

        if (types.IsDbCommand(type))
        {
            CheckTexts(context, creation, DbCommandTexts(creation), TextKind.Sql, creation.Constructor);
            return;
        }

        if (types.IsProcessStartInfo(type))
        {
            var parts = StartInfoParts(creation);
            CheckTexts(context, creation, parts.Count > 0 ? new List<string> { string.Join(" ", parts) } : new List<string>(), TextKind.Command, creation.Constructor);
        }
    }

    /// <summary>The SQL a command creation carries: its string arguments and a <c>CommandText</c> initializer.</summary>
    private static List<string> DbCommandTexts(IObjectCreationOperation creation)
    {
        var texts = Texts(creation.Arguments.Where(a => a.Parameter?.Type.SpecialType == SpecialType.System_String));
        if (creation.Initializer is not null)
        {
            foreach (var assignment in creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" })
                {
                    texts.AddRange(ConstantText.Collect(assignment.Value));
                }
            }
        }

        return texts;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;

        // The target's kind first: most assignments set a local or a field, and the target operation was built just now,
        // where the syntax below is a walk of three more nodes. Then the property's name as written (x.CommandText,
        // CommandText, x?.CommandText): a property is written by its own name, and the syntax was just bound where the
        // property's symbol usually sits in memory the binding evicted.
        if (assignment.Target.Kind != OperationKind.PropertyReference
            || (assignment.Syntax is AssignmentExpressionSyntax { Left: var left }
                && Bindings.WrittenMemberName(left) is { } written
                && written != "CommandText"))
        {
            return;
        }

        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "CommandText" } property
            || assignment.Parent is IObjectOrCollectionInitializerOperation
            || !types.IsDbCommand(property.Property.ContainingType))
        {
            return;
        }

        CheckTexts(context, assignment, ConstantText.Collect(assignment.Value), TextKind.Sql, property.Property);
    }

    private enum TextKind
    {
        Sql,
        GraphQl,
        Command,
    }

    private static List<string> Texts(IEnumerable<IArgumentOperation> arguments)
    {
        var texts = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            texts.AddRange(ConstantText.Collect(argument.Value));
        }

        return texts;
    }

    private static void CheckTexts(OperationAnalysisContext context, IOperation executor, List<string> texts, TextKind kind, ISymbol target)
    {
        foreach (var text in texts)
        {
            DestructiveText found;
            var matched = kind switch
            {
                TextKind.Sql => CommandTextClassifier.TryClassifySql(text, out found) || SqlWithRuntimeNames.TryClassify(text, out found),
                TextKind.GraphQl => CommandTextClassifier.TryClassifyGraphQl(text, out found),
                _ => CommandTextClassifier.TryClassifyCommand(text, out found),
            };
            if (matched)
            {
                Report(context, executor, found, target);
                return;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation executor, DestructiveText found, ISymbol target)
    {
        // A command is created or given its text in one place and run in another: where it runs is reported (by the
        // execution's own invocation action), which is where the guard goes. Only a command that leaves the method
        // unexecuted is reported where it is built.
        if (executor is IObjectCreationOperation or ISimpleAssignmentOperation && CommandExecutions.Find(executor).Count > 0)
        {
            return;
        }

        if (ConfirmationGuards.IsGuarded(executor, context.ContainingSymbol))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(UnguardedDestructiveCallAnalyzer.ActionProperty, ActionNames.ForText(found, executor));
        var executorName = target is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
            ? "new " + ctor.ContainingType.Name
            : target.ContainingType?.Name + "." + target.Name;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DestructiveCommandText, executor.Syntax.GetLocation(), properties, found.Kind, found.What, executorName));
    }
}
