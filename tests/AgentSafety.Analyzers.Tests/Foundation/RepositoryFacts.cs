using System;
using System.IO;

namespace AgentSafety.Analyzers.Tests.Foundation;

internal static class RepositoryFacts
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentSafety.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AgentSafety.Analyzers.sln) is not above " + AppContext.BaseDirectory);
    }
}
