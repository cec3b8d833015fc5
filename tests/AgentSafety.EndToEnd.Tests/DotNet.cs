using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI the way a user would, capturing everything it prints.</summary>
public static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunProgram("dotnet", workingDirectory, environment, DefaultTimeout, args);

    /// <summary>
    /// Runs <paramref name="script"/> in bash, with the same environment a dotnet command gets; a script of several
    /// dotnet commands (the README's pack loop) may take <paramref name="timeout"/>, not one command's 8 minutes.
    /// </summary>
    public static Result Bash(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string script, TimeSpan? timeout = null) =>
        RunProgram("bash", workingDirectory, environment, timeout ?? DefaultTimeout, "-c", script);

    private static Result RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A child build must not attach to the test run's build server or inherit its MSBuild state.
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    public static string RepositoryRoot { get; } = FindRoot();

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
