using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// The destructive-sounding public surface of the SDKs the tests reference, read from the assemblies' own metadata:
/// every public method whose name holds a destructive verb as a word. One candidate per type and method name; its
/// overloads go together, as a <c>(*)</c> catalogue line takes them.
/// </summary>
internal static class DestructiveSurface
{
    /// <summary>Verbs as PascalCase words of the method name (<c>ScheduleKeyDeletion</c> holds <c>Deletion</c>).</summary>
    public static readonly string[] Verbs =
    {
        "Delete", "Deleted", "Deletion", "Drop", "Dropped", "Purge", "Purged", "Terminate", "Destroy", "Destroyed", "Remove",
        "Deregister", "Unregister", "Flush", "Truncate", "Empty", "Clear", "Erase", "Wipe", "Reset", "Prune", "Uninstall",
    };

    private static readonly HashSet<string> VerbSet = new(Verbs, StringComparer.Ordinal);

    public sealed record Candidate(string Assembly, string TypeName, string MethodName, IReadOnlyList<IMethodSymbol> Methods)
    {
        /// <summary><c>Namespace.Outer.Inner.Method</c>, generic arity left out: what exclusion patterns match.</summary>
        public string FullName => TypeName + "." + MethodName;
    }

    public static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsUpper(name[i]) || name[i] == '_' || (char.IsDigit(name[i]) && !char.IsDigit(name[i - 1])))
            {
                if (i > start)
                {
                    yield return name.Substring(start, i - start).Trim('_');
                }

                start = i;
            }
        }
    }

    public static bool HasDestructiveVerb(string methodName) => Words(methodName).Any(VerbSet.Contains);

    public static List<Candidate> Enumerate(Compilation compilation, ISet<string> assemblyNames)
    {
        var candidates = new List<Candidate>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && assemblyNames.Contains(assembly.Name))
            {
                foreach (var type in Types(assembly.GlobalNamespace))
                {
                    // Names first: materialising every member of every type of the larger SDKs costs seconds.
                    foreach (var name in type.MemberNames.Where(HasDestructiveVerb))
                    {
                        var methods = type.GetMembers(name).OfType<IMethodSymbol>()
                            .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public)
                            .ToList();
                        if (methods.Count > 0)
                        {
                            candidates.Add(new Candidate(assembly.Name, TypeName(type), name, methods));
                        }
                    }
                }
            }
        }

        return candidates;
    }

    public static string TypeName(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + string.Join(".", names);
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nested in PublicTypes(type))
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in Types(child))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> PublicTypes(INamedTypeSymbol type)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
        {
            yield break;
        }

        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var inner in PublicTypes(nested))
            {
                yield return inner;
            }
        }
    }
}

/// <summary>
/// The committed decisions not to catalogue a candidate: <c>DestructiveApiExclusions.txt</c> beside this file. A
/// <c>[reason]</c> line opens a section; every pattern under it is <c>Namespace.Type.Method</c> with <c>*</c> for any
/// run of characters, then <c>;</c> and why.
/// </summary>
internal sealed class DestructiveApiExclusions
{
    /// <summary>The reasons a destructive-sounding method may stay out of the catalogue.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["per-record"] = "deletes one record, message, object, key, document or point; the data set it belongs to stays",
        ["recreated"] = "the platform recreates what it deletes (a controller's pod, a cache entry refilled on read)",
        ["reversible"] = "can be undone: a soft delete that can be recovered, a detach, a disable",
        ["holds-nothing"] = "what it deletes holds no data: tags, labels, extensions, run commands, rules, policies, permissions, webhooks, aliases",
        ["ephemeral"] = "releases server state that expires by itself: a scroll or point-in-time context, a lease, a consumer, a session",
        ["not-remote"] = "acts on the client's own memory: builders, descriptors, option bags, parameter collections, local caches",
        ["not-destructive"] = "the verb names no destruction here (a flush of buffered writes, a drop of a connection, a reset of a retry counter)",
        ["declarative"] = "adds an operation to a batch, builder or migration that another call sends or applies; that call is what is judged",
        ["judged-per-call"] = "ASA201 judges each call by its arguments (an empty filter deletes everything): see WholeCollectionDeletes",
    };

    public sealed record Pattern(string Reason, string Text, string Justification, int Line, Regex Regex);

    public List<Pattern> Patterns { get; } = new();

    public List<string> Problems { get; } = new();

    public static string DefaultPath => Path.Combine(Foundation.RepositoryFacts.Root, "tests", "AgentSafety.Analyzers.Tests", "Destructive", "DestructiveApiExclusions.txt");

    public static DestructiveApiExclusions Load(string path)
    {
        var result = new DestructiveApiExclusions();
        string? reason = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("[", StringComparison.Ordinal))
            {
                reason = line.Substring(1, line.IndexOf(']') - 1);
                if (!Reasons.ContainsKey(reason))
                {
                    result.Problems.Add($"line {lineNumber}: unknown reason [{reason}]; use one of {string.Join(", ", Reasons.Keys)}");
                }

                continue;
            }

            var semicolon = line.IndexOf(';');
            var text = (semicolon < 0 ? line : line.Substring(0, semicolon)).Trim();
            var why = semicolon < 0 ? string.Empty : line.Substring(semicolon + 1).Trim();
            if (reason is null)
            {
                result.Problems.Add($"line {lineNumber}: '{text}' sits under no [reason]");
            }

            if (why.Length == 0)
            {
                result.Problems.Add($"line {lineNumber}: '{text}' has no justification after ';'");
            }

            var regex = new Regex("^" + ToRegex(text) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            result.Patterns.Add(new Pattern(reason ?? "?", text, why, lineNumber, regex));
        }

        return result;
    }

    /// <summary><c>*</c> is any run of characters; <c>{a,b,}</c> is one of the comma-separated words (empty allowed).</summary>
    private static string ToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '{' && pattern.IndexOf('}', i) is var close && close > i)
            {
                regex.Append("(?:").Append(string.Join("|", pattern.Substring(i + 1, close - i - 1).Split(',').Select(Regex.Escape))).Append(')');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }

    public Pattern? Find(string fullName) => Patterns.FirstOrDefault(p => p.Regex.IsMatch(fullName));
}
