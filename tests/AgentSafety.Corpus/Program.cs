using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Corpus;

/// <summary>
/// Loads every .cs file of a folder into one compilation against the .NET reference assemblies, runs every AgentSafety
/// analyzer over it, and prints the compiler's time, each analyzer's time, their ratio, every analyzer exception and the
/// findings per rule. Exit code 1 when any analyzer threw.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return Run(Options.Parse(args));
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }
    }

    private static int Run(Options options)
    {
        if (options.Processes > 1)
        {
            return RunInProcesses(options);
        }

        if (options.GenerateLines > 0 || options.GenerateMethods > 0)
        {
            if (options.GenerateLines > 0)
            {
                File.WriteAllText(options.GenerateOut!, WorstCase.Generate(options.GenerateLines));
                Console.WriteLine($"wrote {options.GenerateLines} lines to {options.GenerateOut}");
            }
            else
            {
                File.WriteAllText(options.GenerateOut!, LargeMethods.Generate(options.GenerateMethods, options.GenerateLocals));
                Console.WriteLine($"wrote {options.GenerateMethods} methods of {options.GenerateLocals} locals to {options.GenerateOut}");
            }

            if (options.Folder is null)
            {
                return 0;
            }
        }

        var folder = Path.GetFullPath(options.Folder!);
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !options.Excludes.Any(x => f.Replace('\\', '/').Contains(x, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: options.Defines);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), parseOptions, f)).ToArray();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var additional = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsConfigFile)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (AdditionalText)new FileText(f))
            .ToImmutableArray();

        var references = ReferenceAssemblies().Concat(options.ReferenceFolders.SelectMany(d => Directory.EnumerateFiles(d, "*.dll")))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        var analyzers = DiscoverAnalyzers(options.PerRule || options.Only.Count > 0).Where(a => options.Only.Count == 0 || options.Only.Contains(a.GetType().Name)).ToArray();
        var measured = options.Floor ? analyzers.Append(new DriverFloorAnalyzer()).ToArray() : analyzers;
        Console.WriteLine($"corpus: {folder}");
        Console.WriteLine($"files: {files.Length}, lines: {lines}, additional files: {additional.Length}, analyzers: {analyzers.Length}");

        // Warm up both sides (--warmup rounds, one by default) so that JIT and symbol binding caches count against neither.
        var compilerErrors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var compilerTimes = new List<double>();
        var compilerCpuTimes = new List<double>();
        var compilerOneThreadTimes = new List<double>();
        var analyzerTimes = measured.ToDictionary(a => a, _ => new List<double>());
        var exceptions = new List<string>();
        var analysisRounds = new List<(double WallMs, double PausedMs, int Collections)>();
        ImmutableArray<Diagnostic> findings = ImmutableArray<Diagnostic>.Empty;
        for (var i = 0; i < options.Repeat + options.Warmup; i++)
        {
            // A fresh compilation each round: the compiler caches what it bound, and so would the analyzers' view of it.
            var fresh = compilation.Clone();

            // Each side starts from a collected heap, so that neither pays for garbage the other left.
            CollectGarbage();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var stopwatch = Stopwatch.StartNew();
            fresh.GetDiagnostics();
            stopwatch.Stop();
            var roundCpuMs = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds;

            // --serial: the compiler once more on one thread, the way the analyzers' callbacks run then, so that the two
            // times set against each other are both one thread's wall time (the figure above is the compiler on every core).
            var oneThreadMs = double.NaN;
            if (options.Serial)
            {
                var oneThread = compilation.Clone().WithOptions(compilation.Options.WithConcurrentBuild(false));
                CollectGarbage();
                var oneThreadWatch = Stopwatch.StartNew();
                oneThread.GetDiagnostics();
                oneThreadMs = oneThreadWatch.Elapsed.TotalMilliseconds;
            }

            CollectGarbage();

            // As in csc, the driver binds the compilation again (a copy that raises events) on the compiler's threads
            // while the analyzers run: metadata symbols the first pass loaded are shared, and every collection that
            // binding triggers pauses whichever callback is running, which is charged to its analyzer. By default the
            // driver runs the callbacks one at a time, on one worker beside the pool's binding; --concurrent: on as many
            // workers as the pool gives, as in csc, whose AnalyzerDriver sets concurrentAnalysis.
            // --serial: the driver binds on one thread, so that on a two-core machine the analyzer thread is not also
            // waiting for a core while its callbacks are timed; the compiler's own time above still uses every core.
            var withAnalyzers = AttachAnalyzers(
                fresh,
                measured,
                additional,
                options,
                (e, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {e.GetType().Name}: {e.Message}"); } });
            var pausedBefore = GC.GetTotalPauseDuration();
            var collectionsBefore = GC.CollectionCount(0);
            var analysis = Stopwatch.StartNew();
            findings = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            analysis.Stop();
            var round = (WallMs: analysis.Elapsed.TotalMilliseconds, PausedMs: (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds, Collections: GC.CollectionCount(0) - collectionsBefore);
            var times = measured.Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds).ToArray();
            if (options.EachRound)
            {
                Console.WriteLine($"round {i}{(i < options.Warmup ? " (warm-up)" : string.Empty)}: compiler {stopwatch.Elapsed.TotalMilliseconds:F0} ms, analyzers {times.Take(analyzers.Length).Sum():F1} ms{(options.Floor ? $", driver floor {times[times.Length - 1]:F1} ms" : string.Empty)}");
            }

            if (i < options.Warmup)
            {
                continue;
            }

            analysisRounds.Add(round);
            compilerTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            compilerCpuTimes.Add(roundCpuMs);
            compilerOneThreadTimes.Add(oneThreadMs);
            for (var a = 0; a < measured.Length; a++)
            {
                analyzerTimes[measured[a]].Add(times[a]);
            }
        }

        var compilerMs = Median(compilerTimes);
        Console.WriteLine($"compiler errors in corpus (unresolved references are expected without --refs): {compilerErrors}");
        Console.WriteLine($"compiler GetDiagnostics: {compilerMs:F0} ms (median of {options.Repeat})");
        var totalAnalyzerMs = 0.0;
        foreach (var analyzer in analyzers)
        {
            var ms = Median(analyzerTimes[analyzer]);
            totalAnalyzerMs += ms;
            Console.WriteLine($"  {analyzer.GetType().Name,-48} {ms,8:F1} ms  {100 * ms / compilerMs,6:F2}%");
        }

        Console.WriteLine($"all analyzers: {totalAnalyzerMs:F1} ms = {100 * totalAnalyzerMs / compilerMs:F2}% of the compiler's time");

        // The ratio above sets the callbacks' time against the compiler's wall time on every core. What a build pays in
        // processor time is the other ratio: with the driver on one thread (--serial) a callback's wall time is its
        // processor time, less the rare collection or preemption inside it, and the compiler's is what the process used
        // on all cores while GetDiagnostics ran (its collector's threads included). Without --serial the callbacks'
        // wall time also holds the time their thread waited for a core, so no processor-time ratio is printed then.
        var compilerCpuMs = Median(compilerCpuTimes);
        Console.WriteLine($"the compiler's processor time: {compilerCpuMs:F0} ms (median), {compilerCpuMs / compilerMs:F2} cores busy on average"
            + (options.Serial ? $"; all analyzers on one thread: {100 * totalAnalyzerMs / compilerCpuMs:F2}% of it" : string.Empty));

        // Each round's analyzers against that round's compiler time, sorted.
        double[] RatiosPerRound(List<double> compiler) => Enumerable.Range(0, compiler.Count)
            .Select(i => 100 * analyzers.Sum(a => analyzerTimes[a][i]) / compiler[i])
            .OrderBy(r => r)
            .ToArray();

        if (options.Serial)
        {
            // Both sides on one thread, neither waiting for a core nor spread over two: the ratio of like to like.
            var oneThreadRatios = RatiosPerRound(compilerOneThreadTimes).ToList();
            var compilerOneThreadMs = Median(compilerOneThreadTimes);
            Console.WriteLine($"the compiler on one thread (concurrentBuild: false): {compilerOneThreadMs:F0} ms (median); all analyzers: {100 * totalAnalyzerMs / compilerOneThreadMs:F2}% of the compiler on one thread (per round min {oneThreadRatios[0]:F2}%, median {Median(oneThreadRatios):F2}%, max {oneThreadRatios[oneThreadRatios.Count - 1]:F2}%)");
        }

        // The driver binds the compilation again while the analyzers run; a garbage collection that binding triggers
        // pauses the analyzer thread, and a pause that falls inside a callback is charged to that callback's analyzer.
        Console.WriteLine($"analysis with the driver's binding: {Median(analysisRounds.Select(r => r.WallMs).ToList()):F0} ms, of which garbage collection paused {Median(analysisRounds.Select(r => r.PausedMs).ToList()):F0} ms in {Median(analysisRounds.Select(r => (double)r.Collections).ToList()):F0} collections (medians)");
        if (options.Floor)
        {
            var floorMs = Median(analyzerTimes[measured[measured.Length - 1]]);
            Console.WriteLine($"driver floor (a no-op analyzer with the same registrations, not counted above): {floorMs:F1} ms = {100 * floorMs / compilerMs:F2}%");
        }

        // On a small shared machine one garbage collection inside a callback moves a 10 ms figure by half: show the spread.
        // Preemption and collections make the per-round times heavy-tailed: the quartiles show how much.
        var totals = Enumerable.Range(0, compilerTimes.Count).Select(i => analyzers.Sum(a => analyzerTimes[a][i])).OrderBy(t => t).ToArray();
        double Quartile(double q) => totals[(int)Math.Round(q * (totals.Length - 1))];
        Console.WriteLine($"all analyzers per round: min {totals[0]:F1} ms, lower quartile {Quartile(0.25):F1} ms, median {Quartile(0.5):F1} ms, upper quartile {Quartile(0.75):F1} ms");
        var ratios = RatiosPerRound(compilerTimes);
        Console.WriteLine($"ratio per repetition: min {ratios[0]:F2}%, median {Median(ratios.ToList()):F2}%, max {ratios[ratios.Length - 1]:F2}%");

        if (options.Allocations)
        {
            PrintAllocations(compilation, analyzers, additional, options.Repeat);
        }

        if (options.CompareRules)
        {
            CompareHostWithRules(compilation, additional, options);
        }

        if (options.Baseline is not null)
        {
            CompareWithBaseline(compilation, additional, options, options.Baseline);
        }

        var ad0001 = findings.Where(d => d.Id == "AD0001").ToArray();
        Console.WriteLine($"analyzer exceptions: {exceptions.Count + ad0001.Length}");
        foreach (var e in exceptions.Distinct())
        {
            Console.WriteLine("  " + e);
        }

        foreach (var d in ad0001)
        {
            Console.WriteLine("  " + d.GetMessage());
        }

        var ours = findings.Where(d => d.Id.StartsWith("ASA", StringComparison.Ordinal)).ToArray();
        Console.WriteLine($"findings: {ours.Length}");
        foreach (var group in ours.GroupBy(d => d.Id).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {group.Key}: {group.Count()}");
        }

        if (options.List)
        {
            foreach (var d in ours.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line))
            {
                var span = d.Location.GetLineSpan();
                Console.WriteLine($"  {Path.GetRelativePath(folder, span.Path)}({span.StartLinePosition.Line + 1}): {d.Id} {d.GetMessage()}");
            }
        }

        return exceptions.Count + ad0001.Length > 0 ? 1 : 0;
    }

    /// <summary>
    /// <c>--processes N</c>: the same measurement in N fresh processes, one after the other; each one's output is shown,
    /// then each one's figure and the median of them. Exit code 1 when any process failed.
    /// </summary>
    private static int RunInProcesses(Options options)
    {
        var self = typeof(Program).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var figures = new List<(double Ms, double Percent, double CompilerMs)>();
        var processorShares = new List<double>();
        var oneThreadShares = new List<double>();
        var failed = 0;
        for (var p = 1; p <= options.Processes; p++)
        {
            var start = new ProcessStartInfo(viaDotnet ? host : self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (viaDotnet)
            {
                start.ArgumentList.Add(self);
            }

            foreach (var argument in options.ChildArguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start) ?? throw new UsageException("could not start " + start.FileName);
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            Console.WriteLine($"--- process {p} of {options.Processes} (exit code {child.ExitCode})");
            Console.Write(output);
            failed += child.ExitCode == 0 ? 0 : 1;

            double? compilerMs = null;
            foreach (var line in output.Split('\n'))
            {
                var compiler = System.Text.RegularExpressions.Regex.Match(line, @"^compiler GetDiagnostics: ([0-9.,]+) ms");
                if (compiler.Success)
                {
                    compilerMs = Number(compiler.Groups[1].Value);
                }

                var all = System.Text.RegularExpressions.Regex.Match(line, @"^all analyzers: ([0-9.,]+) ms = ([0-9.,]+)%");
                if (all.Success && compilerMs is { } ms)
                {
                    figures.Add((Number(all.Groups[1].Value), Number(all.Groups[2].Value), ms));
                }

                var processor = System.Text.RegularExpressions.Regex.Match(line, @"all analyzers on one thread: ([0-9.,]+)% of it");
                if (processor.Success)
                {
                    processorShares.Add(Number(processor.Groups[1].Value));
                }

                var oneThread = System.Text.RegularExpressions.Regex.Match(line, @"all analyzers: ([0-9.,]+)% of the compiler on one thread");
                if (oneThread.Success)
                {
                    oneThreadShares.Add(Number(oneThread.Groups[1].Value));
                }
            }
        }

        // A child prints its figures in the culture it inherits from this process, which reads them back in the same one.
        static double Number(string text) => double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.CurrentCulture);

        if (figures.Count == 0)
        {
            Console.WriteLine("no process printed its figure");
            return 1;
        }

        Console.WriteLine($"across {figures.Count} processes: all analyzers {string.Join(", ", figures.Select(f => $"{f.Percent:F2}% ({f.Ms:F1} of {f.CompilerMs:F0} ms)"))}");
        Console.WriteLine($"median of the processes: {Median(figures.Select(f => f.Percent).ToList()):F2}% of the compiler's time ({Median(figures.Select(f => f.Ms).ToList()):F1} ms of {Median(figures.Select(f => f.CompilerMs).ToList()):F0} ms)");
        if (processorShares.Count > 0)
        {
            Console.WriteLine($"of the compiler's processor time: {string.Join(", ", processorShares.Select(p => $"{p:F2}%"))}; median {Median(processorShares):F2}%");
        }

        if (oneThreadShares.Count > 0)
        {
            Console.WriteLine($"of the compiler on one thread: {string.Join(", ", oneThreadShares.Select(p => $"{p:F2}%"))}; median {Median(oneThreadShares):F2}%");
        }

        return failed > 0 ? 1 : 0;
    }

    private static bool IsConfigFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("AgentSafety.DestructiveApis", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What the compiler loads (the types marked <see cref="DiagnosticAnalyzerAttribute"/>: the rule host), or, per rule, each
    /// rule the host runs as an analyzer of its own (<c>--per-rule</c>, and <c>--only</c>, which names rules).
    /// </summary>
    private static DiagnosticAnalyzer[] DiscoverAnalyzers(bool perRule)
    {
        var shipped = typeof(AgentSafety.Analyzers.RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();
        return perRule
            ? shipped.SelectMany(a => a is AgentSafety.Analyzers.AgentSafetyAnalyzer host ? host.Rules : ImmutableArray.Create(a)).OrderBy(a => a.GetType().Name, StringComparer.Ordinal).ToArray()
            : shipped;
    }

    /// <summary>The reference pack of the running .NET, found beside the shared framework; the implementation assemblies otherwise.</summary>
    private static IEnumerable<string> ReferenceAssemblies()
    {
        var shared = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(shared);
        var dotnetRoot = Path.GetFullPath(Path.Combine(shared, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (Directory.Exists(packs))
        {
            var refDir = Directory.EnumerateDirectories(packs)
                .OrderByDescending(d => d.EndsWith(version, StringComparison.Ordinal))
                .ThenByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Directory.EnumerateDirectories(Path.Combine(d, "ref")).FirstOrDefault())
                .FirstOrDefault(d => d is not null);
            if (refDir is not null)
            {
                return Directory.EnumerateFiles(refDir, "*.dll");
            }
        }

        return Directory.EnumerateFiles(shared, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("Microsoft.DiaSymReader", StringComparison.Ordinal));
    }

    /// <summary>
    /// The analyzers attached to a fresh compilation in the driver mode the options name, for every measurement that
    /// times them: the default (callbacks one at a time), <c>--concurrent</c> (on the pool, as <c>csc</c>) or
    /// <c>--serial</c> (the driver binds on one thread).
    /// </summary>
    private static CompilationWithAnalyzers AttachAnalyzers(
        CSharpCompilation fresh,
        DiagnosticAnalyzer[] analyzers,
        ImmutableArray<AdditionalText> additional,
        Options options,
        Action<Exception, DiagnosticAnalyzer, Diagnostic>? onAnalyzerException)
    {
        var analyzed = options.Serial ? fresh.WithOptions(fresh.Options.WithConcurrentBuild(false)) : fresh;
        return analyzed.WithAnalyzers(
            analyzers.ToImmutableArray(),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional),
                onAnalyzerException,
                concurrentAnalysis: options.Concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
    }

    /// <summary>
    /// The shipped host against the same rules run as separate analyzers, in the same rounds (the order alternating), so
    /// that the machine's drift, which moves a median by half between runs, falls on both sides alike: the median of the
    /// per-round differences is the host's saving.
    /// </summary>
    private static void CompareHostWithRules(CSharpCompilation compilation, ImmutableArray<AdditionalText> additional, Options options)
    {
        var host = DiscoverAnalyzers(perRule: false);
        var rules = DiscoverAnalyzers(perRule: true);
        CompareInSameRounds(compilation, additional, options, ("the host", host), ($"the {rules.Length} rules as separate analyzers", rules));
    }

    /// <summary>
    /// This build against another build of the package (<c>--baseline</c>), in the same rounds: two medians taken minutes
    /// apart on a shared machine differ by more than most changes save, the per-round difference does not.
    /// </summary>
    private static void CompareWithBaseline(CSharpCompilation compilation, ImmutableArray<AdditionalText> additional, Options options, string baseline)
    {
        var context = new BaselineLoadContext(baseline);
        var assembly = context.LoadFromAssemblyPath(baseline);
        var before = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();
        if (before.Length == 0)
        {
            throw new UsageException($"no analyzer in {baseline}");
        }

        CompareInSameRounds(compilation, additional, options, ("the baseline", before), ("this build", DiscoverAnalyzers(perRule: false)));
    }

    /// <summary>Two sets of analyzers timed in the same rounds, the order alternating; the median per-round difference is what the second saves.</summary>
    private static void CompareInSameRounds(CSharpCompilation compilation, ImmutableArray<AdditionalText> additional, Options options, (string Name, DiagnosticAnalyzer[] Analyzers) first, (string Name, DiagnosticAnalyzer[] Analyzers) second)
    {
        double Run(DiagnosticAnalyzer[] analyzers)
        {
            var fresh = compilation.Clone();
            fresh.GetDiagnostics();
            CollectGarbage();
            var withAnalyzers = AttachAnalyzers(fresh, analyzers, additional, options, onAnalyzerException: null);
            withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            return analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        }

        var (rounds, warmup) = (options.Repeat, options.Warmup);
        var firstTimes = new List<double>();
        var secondTimes = new List<double>();
        var differences = new List<double>();
        for (var i = 0; i < rounds + warmup; i++)
        {
            double a, b;
            if (i % 2 == 0)
            {
                a = Run(first.Analyzers);
                b = Run(second.Analyzers);
            }
            else
            {
                b = Run(second.Analyzers);
                a = Run(first.Analyzers);
            }

            if (i >= warmup)
            {
                firstTimes.Add(a);
                secondTimes.Add(b);
                differences.Add(a - b);
            }
        }

        Console.WriteLine($"same rounds, {rounds} of them: {first.Name} {Median(firstTimes):F1} ms, {second.Name} {Median(secondTimes):F1} ms; median per-round saving of {second.Name} {Median(differences):F1} ms ({second.Name} faster in {differences.Count(d => d > 0)} of {rounds} rounds)");
    }

    /// <summary>
    /// Loads a baseline build beside this one: its own AgentSafety assemblies from its folder, Roslyn and the framework
    /// shared with this process, so that both builds analyze the same compilation objects.
    /// </summary>
    private sealed class BaselineLoadContext : System.Runtime.Loader.AssemblyLoadContext
    {
        private readonly string folder;

        public BaselineLoadContext(string baseline)
            : base("baseline", isCollectible: false)
        {
            folder = Path.GetDirectoryName(baseline)!;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("AgentSafety.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>
    /// Bytes allocated while each analyzer runs alone, the driver's work for it included (binding the compilation again to
    /// raise its events, and building operation trees when the analyzer asks for operations), next to a no-op analyzer that
    /// registers every kind of action ours do. Allocation, unlike time, does not move with the machine's load, so it
    /// compares two builds of one analyzer; and on a heap that holds a bound compilation every collection it triggers
    /// pauses the build.
    /// </summary>
    private static void PrintAllocations(CSharpCompilation compilation, DiagnosticAnalyzer[] analyzers, ImmutableArray<AdditionalText> additional, int rounds)
    {
        double Allocated(DiagnosticAnalyzer analyzer)
        {
            var bytes = new List<double>();
            for (var i = 0; i < rounds + 1; i++)
            {
                var fresh = compilation.Clone();
                fresh.GetDiagnostics();
                CollectGarbage();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                fresh.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(additional))
                    .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var after = GC.GetTotalAllocatedBytes(precise: true);
                if (i > 0)
                {
                    bytes.Add(after - before);
                }
            }

            return Median(bytes);
        }

        var floor = Allocated(new DriverFloorAnalyzer());
        Console.WriteLine($"allocated while each analyzer runs alone, median of {rounds}:");
        foreach (var analyzer in analyzers)
        {
            Console.WriteLine($"  {analyzer.GetType().Name,-48} {Allocated(analyzer) / 1024,8:F0} KB");
        }

        Console.WriteLine($"  {"no-op, every kind of action registered",-48} {floor / 1024,8:F0} KB");
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }
}
