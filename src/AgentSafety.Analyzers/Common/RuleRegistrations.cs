using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// What one rule's <see cref="DiagnosticAnalyzer.Initialize"/> asked for: whether it runs concurrently, whether it sees
/// generated code, and its compilation start actions. <see cref="AgentSafetyAnalyzer"/> runs these; the driver never sees
/// the rule itself.
/// </summary>
internal sealed class RuleRegistrations : AnalysisContext
{
    private readonly List<Action<CompilationStartAnalysisContext>> compilationStartActions = new();

    private RuleRegistrations(DiagnosticAnalyzer rule)
    {
        Rule = rule;
    }

    public DiagnosticAnalyzer Rule { get; }

    public bool Concurrent { get; private set; }

    /// <summary>The rule asked for <see cref="GeneratedCodeAnalysisFlags.None"/>: its actions are not run on generated code.</summary>
    /// <remarks>The driver's default, when a rule does not say, is to analyze generated code and report there.</remarks>
    public bool SkipsGeneratedCode { get; private set; }

    public IReadOnlyList<Action<CompilationStartAnalysisContext>> CompilationStartActions => compilationStartActions;

    public static RuleRegistrations Of(DiagnosticAnalyzer rule)
    {
        var registrations = new RuleRegistrations(rule);
        rule.Initialize(registrations);
        return registrations;
    }

    public override void EnableConcurrentExecution() => Concurrent = true;

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
    {
        // A rule that analyzes generated code but does not report there would need the driver's filtering of reported
        // diagnostics by location, which a shared host cannot give per rule; no rule asks for it.
        if (analysisMode != GeneratedCodeAnalysisFlags.None && analysisMode != (GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics))
        {
            throw Unsupported($"generated code mode {analysisMode}");
        }

        SkipsGeneratedCode = analysisMode == GeneratedCodeAnalysisFlags.None;
    }

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => compilationStartActions.Add(action);

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported(nameof(RegisterCompilationAction));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported(nameof(RegisterSemanticModelAction));

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported(nameof(RegisterSymbolAction));

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported(nameof(RegisterCodeBlockStartAction));

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterCodeBlockAction));

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported(nameof(RegisterSyntaxTreeAction));

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported(nameof(RegisterSyntaxNodeAction));

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockStartAction));

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockAction));

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unsupported(nameof(RegisterOperationAction));

    /// <summary>
    /// Thrown when a rule registers what the host does not share out. A new rule that needs it fails every test that
    /// runs the host (the robustness tests run it over every input), not silently in a user's build.
    /// </summary>
    internal static NotSupportedException Unsupported(string what) =>
        new($"AgentSafetyAnalyzer does not host {what}: register it at compilation start with the kinds RuleActions shares, or extend RuleActions.");
}

/// <summary>
/// The actions every rule registered at one compilation's start, grouped by syntax and operation kind, so that the host
/// registers one driver action per kind and a node or operation costs one driver callback whatever the number of rules.
/// </summary>
internal sealed class RuleActions
{
    private readonly Dictionary<SyntaxKind, List<Handler<SyntaxNodeAnalysisContext>>> syntaxNodeActions = new();
    private readonly Dictionary<OperationKind, List<Handler<OperationAnalysisContext>>> operationActions = new();
    private readonly List<Action<AdditionalFileAnalysisContext>> additionalFileActions = new();
    private readonly List<Action<CompilationAnalysisContext>> compilationEndActions = new();

    /// <summary>Runs one rule's compilation start action, collecting what it registers.</summary>
    public void Start(CompilationStartAnalysisContext start, RuleRegistrations rule, Action<CompilationStartAnalysisContext> action) =>
        action(new RuleStartContext(start, this, rule.SkipsGeneratedCode));

    /// <summary>Registers with the driver, once per kind, what the rules collected.</summary>
    public void RegisterWith(CompilationStartAnalysisContext start)
    {
        foreach (var pair in syntaxNodeActions)
        {
            var handlers = pair.Value.ToArray();
            start.RegisterSyntaxNodeAction(handlers.Length == 1 ? Single(handlers[0]) : Both(handlers) ?? (context => Run(handlers, context, context.IsGeneratedCode)), pair.Key);
        }

        foreach (var pair in operationActions)
        {
            var handlers = pair.Value.ToArray();
            if (pair.Key == OperationKind.Invocation)
            {
                start.RegisterOperationAction(new InvocationDispatch(handlers).Run, pair.Key);
                continue;
            }

            if (pair.Key == OperationKind.ObjectCreation && handlers.Any(h => h.TypeNames is not null))
            {
                start.RegisterOperationAction(context => RunCreation(handlers, context), pair.Key);
                continue;
            }

            start.RegisterOperationAction(handlers.Length == 1 ? Single(handlers[0]) : Both(handlers) ?? (context => Run(handlers, context, context.IsGeneratedCode)), pair.Key);
        }

        if (additionalFileActions.Count > 0)
        {
            var actions = additionalFileActions.ToArray();
            start.RegisterAdditionalFileAction(context =>
            {
                foreach (var action in actions)
                {
                    action(context);
                }
            });
        }

        if (compilationEndActions.Count > 0)
        {
            var actions = compilationEndActions.ToArray();
            start.RegisterCompilationEndAction(context =>
            {
                foreach (var action in actions)
                {
                    action(context);
                }
            });
        }
    }

    private static Action<SyntaxNodeAnalysisContext> Single(Handler<SyntaxNodeAnalysisContext> handler) =>
        handler.SkipsGeneratedCode ? context => { if (!context.IsGeneratedCode) handler.Action(context); } : handler.Action;

    private static Action<OperationAnalysisContext> Single(Handler<OperationAnalysisContext> handler) =>
        handler.SkipsGeneratedCode ? context => { if (!context.IsGeneratedCode) handler.Action(context); } : handler.Action;

    /// <summary>
    /// Two actions that both see generated code, called one after the other without the loop over the handlers' array:
    /// the string literals' two actions (secrets, then ASA301). Through the loop they cost 0.5 ms a compilation of
    /// Newtonsoft.Json even when both returned at entry; called this way, 0.1-0.5 ms a compilation less there and
    /// 1.6 ms on StackExchange.Redis (docs/quality.md, stop 29).
    /// </summary>
    private static Action<TContext>? Both<TContext>(Handler<TContext>[] handlers)
    {
        if (handlers.Length != 2 || handlers[0].SkipsGeneratedCode || handlers[1].SkipsGeneratedCode)
        {
            return null;
        }

        var first = handlers[0].Action;
        var second = handlers[1].Action;
        return context =>
        {
            first(context);
            second(context);
        };
    }

    private static void Run<TContext>(Handler<TContext>[] handlers, TContext context, bool isGeneratedCode)
    {
        foreach (var handler in handlers)
        {
            if (!(isGeneratedCode && handler.SkipsGeneratedCode))
            {
                handler.Action(context);
            }
        }
    }

    /// <summary>
    /// Runs the creation actions: the created type's name is read once, and a rule's action runs only if the rule reads
    /// that name (<see cref="CreationActions"/>).
    /// </summary>
    private static void RunCreation(Handler<OperationAnalysisContext>[] handlers, OperationAnalysisContext context)
    {
        var name = CreationActions.CreatedTypeName(context.Operation);
        foreach (var handler in handlers)
        {
            if ((handler.TypeNames is not { } reads || reads(name)) && !(handler.SkipsGeneratedCode && context.IsGeneratedCode))
            {
                handler.Action(context);
            }
        }
    }

    /// <summary>
    /// Runs the invocation actions: the called method's name is read once, looked up in one table of every rule's names
    /// by length and first letter, and a rule's action runs only if the rule reads that name.
    /// </summary>
    private sealed class InvocationDispatch
    {
        private readonly Handler<OperationAnalysisContext>[] handlers;

        private static BuiltTable? lastBuilt;

        // Kept beside the table, not read off the handlers' array: that array's memory is read only for a call some rule
        // reads, where the test before the written name ran on every call.
        private readonly bool fewRules;

        // Built on the first invocation, when a rule can resolve its names; two threads racing build equal tables.
        private BuiltTable? built;

        // The built table's shape bits and SyntaxFirst, kept on the dispatcher as well: the test every call goes through
        // then reads this object and the bits, not the table's object too. Published last, so a thread that sees the
        // bits sees the table.
        private ulong[]? shapes;
        private bool syntaxFirst;

        public InvocationDispatch(Handler<OperationAnalysisContext>[] handlers)
        {
            this.handlers = handlers;
            fewRules = handlers.Length <= 8;
        }

        public void Run(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var shapes = Volatile.Read(ref this.shapes) ?? Publish();

            // The name as written first: the syntax was just bound and is in the processor's caches, where the called
            // method's symbol, its original definition and their name are usually not. Written and called names differ
            // only for a delegate's Invoke, which no rule reads while SyntaxFirst holds, and for implicit calls
            // (collection initializers' Add, query clauses), which have no such syntax and are read by symbol. The
            // operation is cast to an invocation only past this test: a cast to an interface reads its type's map.
            if (fewRules && syntaxFirst && operation.Syntax is InvocationExpressionSyntax { Expression: var called }
                && Bindings.WrittenMemberName(called) is { } written
                && InvocationNames.ShapeOf(written) is var shape
                && (!Bits.Has(shapes, shape) || built!.MaskPastShape(written, shape) == 0))
            {
                return;
            }

            var table = built!;
            var name = ((IInvocationOperation)operation).TargetMethod.Name;
            var mask = table.Mask(name);
            if (!fewRules)
            {
                RunEach(table, name, mask, context);
                return;
            }

            if (mask == 0 || (mask = table.Readers(name, mask)) == 0)
            {
                return;
            }

            for (var i = 0; i < handlers.Length; i++)
            {
                if ((mask & (1 << i)) != 0 && !(handlers[i].SkipsGeneratedCode && context.IsGeneratedCode))
                {
                    handlers[i].Action(context);
                }
            }
        }

        /// <summary>More than eight rules: the table holds the first eight, and a ninth and later are asked by name alone.</summary>
        private void RunEach(BuiltTable table, string name, byte mask, OperationAnalysisContext context)
        {
            for (var i = 0; i < handlers.Length; i++)
            {
                if ((i >= 8 || (mask & (1 << i)) != 0)
                    && table.Names[i].Reads(name)
                    && !(handlers[i].SkipsGeneratedCode && context.IsGeneratedCode))
                {
                    handlers[i].Action(context);
                }
            }
        }

        private ulong[] Publish()
        {
            var table = Build();
            built = table;
            syntaxFirst = table.SyntaxFirst;
            Volatile.Write(ref shapes, table.Shapes);
            return table.Shapes;
        }

        private BuiltTable Build()
        {
            var names = handlers.Select(handler => handler.Names?.Invoke() ?? InvocationNames.Every).ToArray();

            // The rules' names are mostly the same objects from one compilation to the next (a project without its own
            // catalogue): the table built for the last compilation is reused then, not marked again from 400 names.
            if (lastBuilt is { } last && last.Names.Length == names.Length && last.Names.Zip(names, ReferenceEquals).All(same => same))
            {
                return last;
            }

            var table = new byte[InvocationNames.ShapeCount];
            var details = new ulong[InvocationNames.DetailBits / 64];
            for (var i = 0; i < names.Length && i < 8; i++)
            {
                names[i].Mark(table, (byte)(1 << i));
                names[i].MarkDetails(details);
            }

            return lastBuilt = new BuiltTable(names, table, details);
        }

        /// <summary>
        /// Each rule's names, resolved once per compilation, and the tables of the first eight: which rules read a
        /// (length, first letter), and whether any reads a (length, first two letters); never changed once built, so
        /// shared between compilations.
        /// </summary>
        private sealed class BuiltTable
        {
            public BuiltTable(InvocationNames[] names, byte[] table, ulong[] details)
            {
                Names = names;
                Table = table;
                Details = details;
                Shapes = new ulong[table.Length / 64];
                for (var shape = 0; shape < table.Length; shape++)
                {
                    if (table[shape] != 0)
                    {
                        Bits.Set(Shapes, shape);
                    }
                }

                SyntaxFirst = !names.Any(n => n.Reads("Invoke"));
            }

            public ulong[] Details { get; }

            /// <summary>No rule reads Invoke, the name a delegate is called by whatever it is written as: a call can be turned away by its written name.</summary>
            public bool SyntaxFirst { get; }

            /// <summary>The rules among the first eight that may read a call of this name; 0 for none.</summary>
            public byte Mask(string name)
            {
                // Three reads, most selective last: 1 KB of bits for (length, first letter), which a compiler's binding
                // between two calls leaves in the processor's caches more often than the 8 KB table of masks behind it.
                var shape = InvocationNames.ShapeOf(name);
                return Bits.Has(Shapes, shape) ? MaskPastShape(name, shape) : (byte)0;
            }

            /// <summary><see cref="Mask"/> for a name whose shape bit is known to be set: the two reads behind it.</summary>
            public byte MaskPastShape(string name, int shape) =>
                Bits.Has(Details, InvocationNames.DetailOf(name)) ? Table[shape] : (byte)0;

            /// <summary>
            /// Of the rules <see cref="Mask"/> gives for a name, those that read it, kept for the last name of each of 64
            /// slots. The names that pass the tables are few and called often (Newtonsoft.Json's 200 calls of Add, which
            /// the secrets rule reads), and asking each rule's set again cost more than the tables: the sets' buckets and
            /// entries are memory the compiler's binding had evicted since the call before.
            /// </summary>
            public byte Readers(string name, byte mask)
            {
                // A verdict is a function of the name's text and is replaced whole, so a race between two threads costs
                // a lookup, never a wrong verdict; the very string object is compared, which reads no character.
                var slot = InvocationNames.DetailOf(name) & (verdicts.Length - 1);
                if (verdicts[slot] is { } kept && ReferenceEquals(kept.Name, name))
                {
                    return kept.Readers;
                }

                byte readers = 0;
                for (var i = 0; i < Names.Length && i < 8; i++)
                {
                    if ((mask & (1 << i)) != 0 && Names[i].Reads(name))
                    {
                        readers |= (byte)(1 << i);
                    }
                }

                verdicts[slot] = new Verdict(name, readers);
                return readers;
            }

            private readonly Verdict?[] verdicts = new Verdict?[64];

            private sealed class Verdict
            {
                public Verdict(string name, byte readers)
                {
                    Name = name;
                    Readers = readers;
                }

                public string Name { get; }

                public byte Readers { get; }
            }

            /// <summary>One bit per (length, first letter), set where <see cref="Table"/> holds a rule.</summary>
            public ulong[] Shapes { get; }

            public InvocationNames[] Names { get; }

            public byte[] Table { get; }
        }
    }

    /// <summary>Registers an invocation action with the names <see cref="InvocationActions"/> describes; false when <paramref name="start"/> is not the host's.</summary>
    // RS1012 takes the parameter for a start action that registers nothing; the action is registered on the host's list.
#pragma warning disable RS1012
    internal static bool TryRegisterInvocationAction(CompilationStartAnalysisContext start, Func<InvocationNames> names, Action<OperationAnalysisContext> action)
#pragma warning restore RS1012
    {
        if (start is not RuleStartContext hosted)
        {
            return false;
        }

        Add(hosted.Actions.operationActions, OperationKind.Invocation, new Handler<OperationAnalysisContext>(action, hosted.SkipsGeneratedCode, names));
        return true;
    }

    /// <summary>Registers a creation action with the type-name test <see cref="CreationActions"/> describes; false when <paramref name="start"/> is not the host's.</summary>
#pragma warning disable RS1012
    internal static bool TryRegisterCreationAction(CompilationStartAnalysisContext start, Func<string, bool> readsTypeName, Action<OperationAnalysisContext> action)
#pragma warning restore RS1012
    {
        if (start is not RuleStartContext hosted)
        {
            return false;
        }

        Add(hosted.Actions.operationActions, OperationKind.ObjectCreation, new Handler<OperationAnalysisContext>(action, hosted.SkipsGeneratedCode, typeNames: readsTypeName));
        return true;
    }

    private static void Add<TKind, TContext>(Dictionary<TKind, List<Handler<TContext>>> table, TKind kind, Handler<TContext> handler)
    {
        if (!table.TryGetValue(kind, out var handlers))
        {
            handlers = new List<Handler<TContext>>();
            table.Add(kind, handlers);
        }

        handlers.Add(handler);
    }

    private readonly struct Handler<TContext>
    {
        public Handler(Action<TContext> action, bool skipsGeneratedCode, Func<InvocationNames>? names = null, Func<string, bool>? typeNames = null)
        {
            Action = action;
            SkipsGeneratedCode = skipsGeneratedCode;
            Names = names;
            TypeNames = typeNames;
        }

        public Action<TContext> Action { get; }

        public bool SkipsGeneratedCode { get; }

        /// <summary>For an invocation action, the names of the called methods it reads; null for every name.</summary>
        public Func<InvocationNames>? Names { get; }

        /// <summary>For a creation action, whether it reads a created type so named; null for every type.</summary>
        public Func<string, bool>? TypeNames { get; }
    }

    /// <summary>The start context a rule sees: the compilation and options are the real ones, registrations land in <see cref="RuleActions"/>.</summary>
    private sealed class RuleStartContext : CompilationStartAnalysisContext
    {
        private readonly RuleActions actions;
        private readonly bool skipsGeneratedCode;

        public RuleActions Actions => actions;

        public bool SkipsGeneratedCode => skipsGeneratedCode;

        // RS1012 takes this constructor's parameter for a start action that registers nothing; it is the host's context.
#pragma warning disable RS1012
        public RuleStartContext(CompilationStartAnalysisContext start, RuleActions actions, bool skipsGeneratedCode)
#pragma warning restore RS1012
            : base(start.Compilation, start.Options, start.CancellationToken)
        {
            this.actions = actions;
            this.skipsGeneratedCode = skipsGeneratedCode;
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            // The package is C# only: every kind a rule names is a C# SyntaxKind.
            if ((object)syntaxKinds is not ImmutableArray<SyntaxKind> kinds)
            {
                throw RuleRegistrations.Unsupported($"syntax kinds of {typeof(TLanguageKindEnum).Name}");
            }

            foreach (var kind in kinds)
            {
                Add(actions.syntaxNodeActions, kind, new Handler<SyntaxNodeAnalysisContext>(action, skipsGeneratedCode));
            }
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            foreach (var kind in operationKinds)
            {
                Add(actions.operationActions, kind, new Handler<OperationAnalysisContext>(action, skipsGeneratedCode));
            }
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => actions.additionalFileActions.Add(action);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => actions.compilationEndActions.Add(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw RuleRegistrations.Unsupported(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw RuleRegistrations.Unsupported(nameof(RegisterSymbolAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw RuleRegistrations.Unsupported(nameof(RegisterSymbolStartAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw RuleRegistrations.Unsupported(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw RuleRegistrations.Unsupported(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw RuleRegistrations.Unsupported(nameof(RegisterSyntaxTreeAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw RuleRegistrations.Unsupported(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw RuleRegistrations.Unsupported(nameof(RegisterOperationBlockAction));
    }
}
