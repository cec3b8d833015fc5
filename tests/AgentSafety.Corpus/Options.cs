using System;
using System.Collections.Generic;

namespace AgentSafety.Corpus;

internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}

internal sealed class Options
{
    public const string Usage = """
        usage: AgentSafety.Corpus <folder> [--refs <folder-of-dlls>]... [--exclude <path-part>]... [--define <SYMBOL>]...
                                           [--repeat N] [--warmup N] [--each-round] [--list] [--floor] [--allocations] [--per-rule] [--compare-rules] [--baseline <AgentSafety.Analyzers.dll>] [--serial | --concurrent] [--only <AnalyzerTypeName>]... [--processes N]
               AgentSafety.Corpus --generate-worst-case <lines> <out.cs> [<folder>]
               AgentSafety.Corpus --generate-large-methods <methods> <locals-per-method> <out.cs> [<folder>]
        """;

    public string? Folder { get; private set; }

    public List<string> ReferenceFolders { get; } = new();

    public List<string> Excludes { get; } = new();

    public List<string> Defines { get; } = new() { "NET", "NETCOREAPP", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NETSTANDARD2_0_OR_GREATER" };

    public int Repeat { get; private set; } = 3;

    /// <summary>
    /// Rounds run before the measured ones and not counted. One is enough without tiered compilation (the runner's
    /// default); with it (<c>DOTNET_TieredCompilation=1</c>, as <c>csc</c> and <c>VBCSCompiler</c> run), the compiler's code
    /// and the package's run at tier 0 for the first rounds (about 15 on Newtonsoft.Json, <c>--each-round</c>), so a
    /// steady state needs 20.
    /// </summary>
    public int Warmup { get; private set; } = 1;

    public bool List { get; private set; }

    /// <summary>Prints each round's compiler and analyzer time, warm-up rounds included: how long tiering takes to settle.</summary>
    public bool EachRound { get; private set; }

    public bool Floor { get; private set; }

    public List<string> Only { get; } = new();

    public bool Allocations { get; private set; }

    /// <summary>Each rule as its own analyzer, as before they shared one host: the time per rule, at the driver's cost per analyzer.</summary>
    public bool PerRule { get; private set; }

    /// <summary>
    /// The driver binds on one thread while the analyzers run: a quieter measure on a machine with few cores. Each round
    /// also times the compiler on one thread, so that the analyzers' one thread is set against one thread of the compiler.
    /// </summary>
    public bool Serial { get; private set; }

    /// <summary>
    /// The driver runs the callbacks on the thread pool (<c>concurrentAnalysis: true</c>), beside the compiler's own
    /// threads, as <c>csc</c> runs them: <c>AnalyzerDriver.CreateAndAttachToCompilation</c> sets it.
    /// </summary>
    public bool Concurrent { get; private set; }

    /// <summary>Also times the shipped host and the rules as separate analyzers in the same rounds.</summary>
    public bool CompareRules { get; private set; }

    /// <summary>Another build of AgentSafety.Analyzers.dll, timed against this one in the same rounds.</summary>
    public string? Baseline { get; private set; }

    /// <summary>
    /// Runs the measurement in this many fresh processes, one after the other, and gives each one's figure and their
    /// median: one process's median of rounds moves by a tenth from one process to the next (where its code and data
    /// land in memory), more than most changes measured here.
    /// </summary>
    public int Processes { get; private set; } = 1;

    /// <summary>The arguments as given, for the child processes of <see cref="Processes"/>, without that option.</summary>
    public List<string> ChildArguments { get; } = new();

    public int GenerateLines { get; private set; }

    public string? GenerateOut { get; private set; }

    public int GenerateMethods { get; private set; }

    public int GenerateLocals { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            var start = i;
            switch (args[i])
            {
                case "--processes":
                    options.Processes = int.TryParse(Next(), out var processes) && processes > 0 ? processes : throw new UsageException("--processes takes a positive whole number");
                    continue;
                case "--refs":
                    options.ReferenceFolders.Add(Next());
                    break;
                case "--exclude":
                    options.Excludes.Add(Next());
                    break;
                case "--define":
                    options.Defines.Add(Next());
                    break;
                case "--repeat":
                    options.Repeat = int.TryParse(Next(), out var n) && n > 0 ? n : throw new UsageException("--repeat takes a positive whole number");
                    break;
                case "--warmup":
                    options.Warmup = int.TryParse(Next(), out var w) && w > 0 ? w : throw new UsageException("--warmup takes a positive whole number");
                    break;
                case "--each-round":
                    options.EachRound = true;
                    break;
                case "--list":
                    options.List = true;
                    break;
                case "--only":
                    options.Only.Add(Next());
                    break;
                case "--floor":
                    options.Floor = true;
                    break;
                case "--compare-rules":
                    options.CompareRules = true;
                    break;
                case "--baseline":
                    options.Baseline = System.IO.File.Exists(args[i + 1 < args.Length ? i + 1 : i]) ? System.IO.Path.GetFullPath(Next()) : throw new UsageException("--baseline takes the path of a built AgentSafety.Analyzers.dll");
                    break;
                case "--serial":
                    options.Serial = true;
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--per-rule":
                    options.PerRule = true;
                    break;
                case "--allocations":
                    options.Allocations = true;
                    break;
                case "--generate-worst-case":
                    options.GenerateLines = int.TryParse(Next(), out var lines) && lines > 0 ? lines : throw new UsageException("--generate-worst-case takes a positive line count");
                    options.GenerateOut = Next();
                    break;
                case "--generate-large-methods":
                    options.GenerateMethods = int.TryParse(Next(), out var methods) && methods > 0 ? methods : throw new UsageException("--generate-large-methods takes a positive method count");
                    options.GenerateLocals = int.TryParse(Next(), out var locals) && locals > 0 ? locals : throw new UsageException("--generate-large-methods takes a positive count of locals per method");
                    options.GenerateOut = Next();
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException("unknown option " + args[i]);
                    }

                    options.Folder = options.Folder is null ? args[i] : throw new UsageException("one folder only");
                    break;
            }

            for (var j = start; j <= i; j++)
            {
                options.ChildArguments.Add(args[j]);
            }
        }

        if (options.Folder is null && options.GenerateLines == 0 && options.GenerateMethods == 0)
        {
            throw new UsageException("name a folder of C# files");
        }

        if (options.Folder is not null && !System.IO.Directory.Exists(options.Folder))
        {
            throw new UsageException("no such folder: " + options.Folder);
        }

        if (options.Serial && options.Concurrent)
        {
            throw new UsageException("--serial binds on one thread and --concurrent runs the callbacks on every core: take one");
        }

        if (options.Processes > 1 && (options.GenerateLines > 0 || options.GenerateMethods > 0))
        {
            throw new UsageException("--processes measures a folder; generate the files first");
        }

        return options;
    }
}
