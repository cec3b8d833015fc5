using AgentSafety.Analyzers.Common;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// The command-line text of an argument vector written in place (<c>Process.Start("psql", new[] { "-c", "DROP DATABASE shop" })</c>,
/// <c>new ProcessStartInfo("psql", new[] { … })</c>): each element quoted with <see cref="ShellCommandLine.Quote"/>, so that
/// the command classifier reads the words the process receives.
/// </summary>
internal static class ArgumentVectorText
{
    private const int MaxElements = 64;

    /// <summary>The quoted, joined elements of an array of string constants; null for anything else.</summary>
    public static string? Of(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is not IArrayCreationOperation { Initializer: { } initializer } || initializer.ElementValues.Length > MaxElements)
        {
            return null;
        }

        var words = new List<string>(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            var texts = ConstantText.Collect(element);
            words.Add(ShellCommandLine.Quote(texts.Count > 0 ? texts[0] : "{…}"));
        }

        return string.Join(" ", words);
    }
}
