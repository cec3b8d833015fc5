using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// Whether a recursive delete's target is a system or data path (<see cref="DestructiveCliCommands.ProtectedPaths"/>).
/// The target is read as the shell leaves it: <c>~</c>, <c>$HOME</c> and <c>${HOME}</c> are the home directory;
/// <c>$TMPDIR</c>, <c>${TMPDIR:-/tmp}</c> and <c>/tmp</c> are scratch space; <c>..</c> is resolved, so
/// <c>/tmp/../etc</c> is <c>/etc</c>; <c>dir/*</c> is the directory's contents. A target the source does not show
/// (another variable, an interpolation hole) is not judged.
/// </summary>
internal static class PathJudge
{
    private const string Hole = "{…}";

    public static bool IsProtected(string target)
    {
        var path = target.Trim();
        if (path.Length == 0 || path.Length > 1024 || path.StartsWith(Hole, StringComparison.Ordinal))
        {
            return false;
        }

        if (path[0] is '$' or '%')
        {
            var home = DestructiveCliCommands.HomeForms.FirstOrDefault(h => h.Length > 1 && StartsWithSegment(path, h));
            if (home is null)
            {
                // $TMPDIR/junk, ${TMPDIR:-/tmp}/x, $BUILD_DIR: scratch space or a path the source does not show.
                return false;
            }

            path = "~" + path.Substring(home.Length);
        }

        var canonical = Canonical(path);
        if (canonical is null
            || DestructiveCliCommands.TempRoots.Any(t => StartsWithSegment(canonical, t))
            || DestructiveCliCommands.RoutinePaths.Any(r => StartsWithSegment(canonical, r)))
        {
            return false;
        }

        foreach (var (root, scope) in DestructiveCliCommands.ProtectedPaths)
        {
            if (canonical == root)
            {
                return true;
            }

            if (scope == PathScope.Self || !StartsWithSegment(canonical, root))
            {
                continue;
            }

            if (scope == PathScope.Tree)
            {
                return true;
            }

            var rest = canonical.Substring(root.Length).TrimStart('/');
            if (rest.IndexOf('/') < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>/</c>, <c>~</c> or <c>.</c> followed by the resolved segments; a trailing <c>*</c> (the contents) is dropped.
    /// Null for a relative path inside the working directory (<c>build</c>, <c>./bin</c>), which is the project's own.
    /// </summary>
    private static string? Canonical(string path)
    {
        string root;
        string rest;
        if (path[0] == '/')
        {
            root = "/";
            rest = path.Substring(1);
        }
        else if (path[0] == '~' && (path.Length == 1 || path[1] == '/'))
        {
            root = "~";
            rest = path.Substring(1);
        }
        else if (path.Length > 1 && path[1] == ':')
        {
            // A Windows drive path: not a POSIX target.
            return null;
        }
        else
        {
            root = ".";
            rest = path;
        }

        var segments = new List<string>();
        var parts = rest.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (segments.Count > 0 && segments[segments.Count - 1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else if (root == ".")
                {
                    segments.Add("..");
                }

                continue;
            }

            // dir/* and dir/.* are the directory's contents.
            if (i == parts.Length - 1 && part is "*" or ".*" or "{*,.*}")
            {
                continue;
            }

            segments.Add(part);
        }

        if (root == ".")
        {
            // ., .., *, ../..: the working directory or above it; anything else relative belongs to the project.
            return segments.All(s => s == "..") ? (segments.Count == 0 ? "." : "..") : null;
        }

        // /$APP or /{…}: a top-level directory the source does not show is not judged.
        if (root == "/" && segments.Count == 1 && (segments[0].IndexOf('$') >= 0 || segments[0].IndexOf(Hole, StringComparison.Ordinal) >= 0))
        {
            return null;
        }

        return segments.Count == 0 ? root : (root == "/" ? "/" : root + "/") + string.Join("/", segments);
    }

    private static bool StartsWithSegment(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '/' or '\\' || prefix == "/");
}
