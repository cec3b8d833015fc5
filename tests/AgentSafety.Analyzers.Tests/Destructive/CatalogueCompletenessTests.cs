using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// Every destructive-sounding public method of every SDK the tests reference is either caught by the built-in
/// catalogue (lines, or the Resource Manager shape) or excluded on purpose with a reason. A new SDK version that adds
/// such a method fails here until someone decides which.
/// </summary>
public class CatalogueCompletenessTests
{
    /// <summary>
    /// The SDK assemblies audited: the assembly of every SDK root the tests compile against, and the ones that ship part of
    /// an SDK's surface in an assembly of their own.
    /// </summary>
    internal static ISet<string> AuditedAssemblies()
    {
        var names = new HashSet<string>(
            TestReferences.SdkRoots.Select(t => t.Assembly.GetName().Name!).Where(n => n != "AgentSafety.Guards"),
            StringComparer.Ordinal);
        names.Add("Microsoft.EntityFrameworkCore");
        names.Add("Microsoft.EntityFrameworkCore.Relational");
        names.Add("InfluxDB.Client.Core");
        return names;
    }

    internal sealed record Audit(
        List<DestructiveSurface.Candidate> Candidates,
        List<DestructiveSurface.Candidate> Covered,
        List<(DestructiveSurface.Candidate Candidate, DestructiveApiExclusions.Pattern Pattern)> Excluded,
        List<DestructiveSurface.Candidate> Undecided,
        DestructiveApiExclusions Exclusions);

    // One audit for the three facts below: reading every public type of the SDKs takes seconds.
    private static readonly Lazy<Task<Audit>> SharedAudit = new(RunAsync);

    internal static async Task<Audit> RunAsync()
    {
        var compilation = await TestReferences.CompileAsync("Completeness");
        var catalogue = DestructiveApiSet.Create(compilation, ImmutableArray<AdditionalText>.Empty, CancellationToken.None);
        var exclusions = DestructiveApiExclusions.Load(DestructiveApiExclusions.DefaultPath);
        var candidates = DestructiveSurface.Enumerate(compilation, AuditedAssemblies());

        var covered = new List<DestructiveSurface.Candidate>();
        var excluded = new List<(DestructiveSurface.Candidate, DestructiveApiExclusions.Pattern)>();
        var undecided = new List<DestructiveSurface.Candidate>();
        foreach (var candidate in candidates)
        {
            if (candidate.Methods.Any(m => catalogue.Classify(m) is not null))
            {
                covered.Add(candidate);
            }
            else if (exclusions.Find(candidate.FullName) is { } pattern)
            {
                excluded.Add((candidate, pattern));
            }
            else
            {
                undecided.Add(candidate);
            }
        }

        return new Audit(candidates, covered, excluded, undecided, exclusions);
    }

    [Fact]
    public async Task Every_destructive_sounding_sdk_method_is_catalogued_or_excluded_with_a_reason()
    {
        var audit = await SharedAudit.Value;
        Assert.True(audit.Candidates.Count > 1000, $"only {audit.Candidates.Count} candidates: the SDK assemblies were not read");

        var message = new StringBuilder();
        if (audit.Undecided.Count > 0)
        {
            message.AppendLine($"{audit.Undecided.Count} destructive-sounding SDK methods are neither in DestructiveApis.txt nor in DestructiveApiExclusions.txt.");
            message.AppendLine("Catalogue the ones that destroy a resource or a whole data set; exclude the rest under a [reason]:");
            foreach (var group in audit.Undecided.GroupBy(c => c.TypeName).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                message.AppendLine($"  {group.Key}: {string.Join(", ", group.Select(c => c.MethodName).OrderBy(n => n, StringComparer.Ordinal))}");
            }
        }

        Dump("asa201-undecided.txt", message.ToString());
        Dump("asa201-undecided.tsv", string.Concat(audit.Undecided.Select(c => c.Assembly + "\t" + c.TypeName + "\t" + c.MethodName + "\n")));
        Assert.True(audit.Undecided.Count == 0, message.ToString());
    }

    [Fact]
    public async Task The_names_read_from_the_built_in_lines_alone_cover_every_name_the_resolved_catalogue_matches()
    {
        // ASA201 lets a call go on its name before it resolves the catalogue: a name the resolved catalogue matches but
        // the unresolved lines do not list would be a call it never reports.
        var compilation = await TestReferences.CompileAsync("Names");
        var resolved = DestructiveApiSet.Create(compilation, ImmutableArray<AdditionalText>.Empty, CancellationToken.None).MethodNames.ToHashSet();
        var fromLines = DestructiveApiCatalog.BuiltInMethodNames;
        Assert.NotNull(fromLines);
        Assert.True(resolved.Count > 100, "the resolved catalogue matches " + resolved.Count + " names");
        Assert.Equal(string.Empty, string.Join(", ", resolved.Where(n => !fromLines!.Contains(n))));

        // And the lines of one name, resolved alone, classify every SDK method of that name as the whole catalogue does.
        var whole = DestructiveApiSet.Create(compilation, ImmutableArray<AdditionalText>.Empty, CancellationToken.None);
        var methods = DestructiveSurface.Enumerate(compilation, AuditedAssemblies()).SelectMany(c => c.Methods).ToList();
        var differences = methods
            .Where(m => whole.Classify(m) != DestructiveApiSet.ForMethodName(compilation, m.Name).Classify(m))
            .Select(m => m.ToDisplayString())
            .Take(10)
            .ToList();
        Assert.True(methods.Count > 1000, "the SDKs declare " + methods.Count + " destructive-sounding methods");
        Assert.Empty(differences);
    }

    [Fact]
    public async Task Every_exclusion_is_justified_and_still_excludes_something()
    {
        var audit = await SharedAudit.Value;
        var problems = new List<string>(audit.Exclusions.Problems);
        var used = new HashSet<DestructiveApiExclusions.Pattern>(audit.Excluded.Select(e => e.Pattern));
        foreach (var pattern in audit.Exclusions.Patterns.Where(p => !used.Contains(p)))
        {
            problems.Add($"line {pattern.Line}: '{pattern.Text}' excludes no method the catalogue leaves uncovered; delete it or fix it");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Figures_per_sdk_are_written_for_the_record()
    {
        var audit = await SharedAudit.Value;
        var text = new StringBuilder();
        text.AppendLine("assembly\tcandidates\tcovered\texcluded\tundecided");
        foreach (var group in audit.Candidates.GroupBy(c => c.Assembly).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{group.Key}\t{group.Count()}\t{group.Count(audit.Covered.Contains)}\t{audit.Excluded.Count(e => e.Candidate.Assembly == group.Key)}\t{group.Count(audit.Undecided.Contains)}");
        }

        text.AppendLine();
        text.AppendLine("reason\texcluded");
        foreach (var group in audit.Excluded.GroupBy(e => e.Pattern.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{group.Key}\t{group.Count()}");
        }

        text.AppendLine($"catalogue lines\t{DestructiveApiCatalog.BuiltIn.Count}");
        Dump("asa201-figures.txt", text.ToString());
        Dump("asa201-covered.tsv", string.Concat(audit.Covered.Select(c => c.Assembly + "\t" + c.TypeName + "\t" + c.MethodName + "\n")));

        // An audited assembly that stopped loading would make every one of its methods pass unseen.
        var compilation = await TestReferences.CompileAsync("Loaded");
        var loaded = new HashSet<string>(
            compilation.References.Select(r => compilation.GetAssemblyOrModuleSymbol(r)).OfType<IAssemblySymbol>().Select(a => a.Name),
            StringComparer.Ordinal);
        var missing = AuditedAssemblies().Where(a => !loaded.Contains(a)).ToList();
        Assert.True(missing.Count == 0, "audited assemblies not loaded: " + string.Join(", ", missing));
    }

    [Fact]
    public void Exclusion_patterns_match_whole_names_with_stars_and_alternatives_and_need_a_reason_and_a_justification()
    {
        var path = Path.Combine(Path.GetTempPath(), "asa201-exclusions-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, string.Join("\n",
            "Orphan.Type.Delete ; under no reason",
            "[per-record]",
            "Acme.{IClient,Client}.Delete{,Async} ; one record",
            "Acme.*Descriptor.Clear* ;",
            "[made-up]",
            "Acme.Other.Drop ; a reason that does not exist"));
        try
        {
            var exclusions = DestructiveApiExclusions.Load(path);
            Assert.Equal("Acme.{IClient,Client}.Delete{,Async}", exclusions.Find("Acme.Client.DeleteAsync")?.Text);
            Assert.NotNull(exclusions.Find("Acme.IClient.Delete"));
            Assert.Null(exclusions.Find("Acme.IClient.DeleteAll"));
            Assert.Null(exclusions.Find("Acme.Clients.Delete"));
            Assert.NotNull(exclusions.Find("Acme.Search.QueryDescriptor.ClearSort"));
            Assert.Contains(exclusions.Problems, p => p.Contains("sits under no [reason]", StringComparison.Ordinal));
            Assert.Contains(exclusions.Problems, p => p.Contains("has no justification", StringComparison.Ordinal));
            Assert.Contains(exclusions.Problems, p => p.Contains("unknown reason [made-up]", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Verbs_are_read_as_words_of_the_method_name()
    {
        Assert.True(DestructiveSurface.HasDestructiveVerb("ScheduleKeyDeletionAsync"));
        Assert.True(DestructiveSurface.HasDestructiveVerb("DeleteCollectionNamespacedSecretWithHttpMessagesAsync"));
        Assert.True(DestructiveSurface.HasDestructiveVerb("EnsureDeleted"));
        Assert.False(DestructiveSurface.HasDestructiveVerb("get_IsEmptyish"));
        Assert.False(DestructiveSurface.HasDestructiveVerb("Undeleteable"));
        Assert.False(DestructiveSurface.HasDestructiveVerb("Nuclear"));
    }

    private static void Dump(string name, string text)
    {
        if (Environment.GetEnvironmentVariable("ASA_SURFACE_DUMP") is { Length: > 0 } directory)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }
}
