using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using AgentSafety.Analyzers.CodeFixes.Common;

namespace AgentSafety.Analyzers.CodeFixes.Destructive;

/// <summary>
/// What the approval of a guarded call is bound to: the run-time identity of the thing it destroys, as an expression
/// the guard evaluates when the code runs. Two targets give two resources, so an approval for the staging volume never
/// passes the guard for the production volume.
/// <list type="bullet">
/// <item>ADO.NET: the command's text, its connection's data source and database.</item>
/// <item>Dapper and EF Core raw SQL: the SQL, and the connection's (or the context's) data source and database.</item>
/// <item>HTTP: a GraphQL body with its variables' values, as JSON; a DELETE's method and full URL.</item>
/// <item>Process.Start: the file name and the arguments.</item>
/// <item>SDK calls: the client's own identity (a container's URI, a database's ID, a server's end point, a context's
/// database) and the identifying arguments or request properties (bucket, key, table, volume, namespace and name).</item>
/// <item>Nothing identifying in sight: the whole text of the operation. Never a variable's name, never the endpoint alone.</item>
/// </list>
/// </summary>
internal sealed class ResourceIdentity
{
    private static readonly Regex IdentityProperty = new(
        "^(\\w*Name|\\w*Names|\\w*Id|\\w*Ids|\\w*Identifier|\\w*Identifiers|\\w*Arn|Key|\\w*Namespace|Uri|Url)$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    private static readonly HashSet<string> NotIdentity = new(StringComparer.OrdinalIgnoreCase)
    {
        "body", "pretty", "dryRun", "fieldManager", "propagationPolicy", "fieldSelector", "resourceVersion", "continueParameter",
        "ExpectedBucketOwner", "RequestPayer", "ClientToken", "ETag", "IfMatch", "ContentType",
    };

    private readonly List<Part> _parts = new();
    private readonly SyntaxGenerator _generator;
    private readonly Compilation _compilation;
    private readonly Hoister _hoister;

    private ResourceIdentity(SyntaxGenerator generator, Compilation compilation, Hoister hoister)
    {
        _generator = generator;
        _compilation = compilation;
        _hoister = hoister;
    }

    /// <summary>The resource expression for <paramref name="operation"/>, or null when none can be built without running something twice.</summary>
    public static ExpressionSyntax? Build(IInvocationOperation operation, SyntaxGenerator generator, Hoister hoister)
    {
        var identity = new ResourceIdentity(generator, operation.SemanticModel!.Compilation, hoister);
        if (!identity.DbCommand(operation) && !identity.SqlExtension(operation) && !identity.Http(operation) && !identity.ProcessStart(operation))
        {
            identity.Sdk(operation);
        }

        if (identity._parts.Count == 0)
        {
            identity.Text(operation.Syntax.WithoutTrivia().ToString());
        }

        return hoister.Failed ? null : identity.ToExpression();
    }

    // ---- Shapes --------------------------------------------------------------------------------------------------

    /// <summary><c>cmd.ExecuteNonQuery()</c> and the other executions of an ADO.NET command.</summary>
    private bool DbCommand(IInvocationOperation operation)
    {
        if (!operation.TargetMethod.Name.StartsWith("Execute", StringComparison.Ordinal) || operation.Instance is not { IsImplicit: false } instance
            || !IsDbCommand(instance.Type))
        {
            return false;
        }

        var command = _hoister.Use((ExpressionSyntax)instance.Syntax, "command");
        Add(Member(command, "CommandText"), isString: true);
        var connection = FindProperty(instance.Type, "Connection")?.Type;
        Connection(Member(command, "Connection"), connection, conditional: true);
        return true;
    }

    /// <summary>Dapper's <c>connection.Execute(sql)</c>, EF Core's <c>db.Database.ExecuteSqlRaw(sql)</c> and their kin.</summary>
    private bool SqlExtension(IInvocationOperation operation)
    {
        var method = operation.TargetMethod;
        var containing = method.ContainingType?.ToDisplayString();
        if (containing is not ("Dapper.SqlMapper" or "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions")
            || !method.IsExtensionMethod && method.ReducedFrom is null || operation.Arguments.Length < 2)
        {
            return false;
        }

        var sql = operation.Arguments.Skip(1).FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit
            && (a.Parameter?.Name is "sql" or "command" || a.Parameter?.Type.SpecialType == SpecialType.System_String || a.Parameter?.Type.Name == "FormattableString"));
        var receiver = operation.Arguments[0];
        if (sql is null || receiver.Value.Syntax is not ExpressionSyntax receiverSyntax)
        {
            return false;
        }

        Add(_hoister.Use((ExpressionSyntax)sql.Value.Syntax, "sql"), isString: sql.Value.Type?.SpecialType == SpecialType.System_String, literal: sql.Value.Syntax as LiteralExpressionSyntax);
        var target = _hoister.Use(receiverSyntax, containing == "Dapper.SqlMapper" ? "connection" : "database");
        if (containing == "Dapper.SqlMapper")
        {
            // The connection as written (SqlConnection), not as the parameter takes it (IDbConnection): it has a data source.
            var connection = receiver.Value is IConversionOperation conversion ? conversion.Operand : receiver.Value;
            Connection(target, connection.Type, conditional: false);
        }
        else
        {
            Text(" @ ");
            EfDatabase(target);
        }

        return true;
    }

    /// <summary>HttpClient: a GraphQL or JSON body by its content, a DELETE by method and URL.</summary>
    private bool Http(IInvocationOperation operation)
    {
        var method = operation.TargetMethod;
        var ns = method.ContainingType?.ContainingNamespace?.ToDisplayString();
        if (ns is not ("System.Net.Http" or "System.Net.Http.Json"))
        {
            return false;
        }

        var url = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri" && a.ArgumentKind == ArgumentKind.Explicit);
        switch (method.Name)
        {
            case "DeleteAsync" when url is not null:
                Text("DELETE ");
                Add(_hoister.Use((ExpressionSyntax)url.Value.Syntax, "url"), isString: false, literal: url.Value.Syntax as LiteralExpressionSyntax);
                return true;
            case "Send" or "SendAsync":
                var request = operation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "HttpRequestMessage");
                if (request is null)
                {
                    return false;
                }

                var message = _hoister.Use((ExpressionSyntax)request.Value.Syntax, "request");
                Add(Member(message, "Method"), isString: false);
                Text(" ");
                Add(Member(message, "RequestUri"), isString: false);
                return true;
        }

        if (!method.Name.StartsWith("Post", StringComparison.Ordinal) && !method.Name.StartsWith("Put", StringComparison.Ordinal)
            && !method.Name.StartsWith("Patch", StringComparison.Ordinal))
        {
            return false;
        }

        var body = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "value" or "content" && a.ArgumentKind == ArgumentKind.Explicit);
        var value = body?.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        // The body names what the mutation destroys ({"query":"mutation { volumeDelete … }","variables":{"volumeId":"…"}}).
        if (body?.Parameter?.Name == "value" && value is not null && Json(_hoister.Use((ExpressionSyntax)value.Syntax, "body")))
        {
            return true;
        }

        if (value is IObjectCreationOperation { Type.Name: "StringContent", Arguments.Length: > 0 } content
            && content.Arguments[0].Value.Syntax is ExpressionSyntax text)
        {
            Add(_hoister.Use(text, "json"), isString: true, literal: text as LiteralExpressionSyntax);
            return true;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "Create", TargetMethod.ContainingType.Name: "JsonContent", Arguments.Length: > 0 } create
            && create.Arguments[0].Value.Syntax is ExpressionSyntax jsonValue && Json(_hoister.Use(jsonValue, "body")))
        {
            return true;
        }

        if (url is null)
        {
            return false;
        }

        Text(method.Name.Substring(0, method.Name.StartsWith("Post", StringComparison.Ordinal) ? 4 : 3).ToUpperInvariant() + " ");
        Add(_hoister.Use((ExpressionSyntax)url.Value.Syntax, "url"), isString: false, literal: url.Value.Syntax as LiteralExpressionSyntax);
        return true;
    }

    /// <summary><c>Process.Start(psi)</c>, <c>Process.Start("terraform", "destroy")</c>: the file name and its arguments.</summary>
    private bool ProcessStart(IInvocationOperation operation)
    {
        var method = operation.TargetMethod;
        if (method is not { Name: "Start", IsStatic: true } || method.ContainingType?.ToDisplayString() != "System.Diagnostics.Process")
        {
            return false;
        }

        var arguments = operation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).ToArray();
        if (arguments.Length == 1 && arguments[0].Value.Type?.Name == "ProcessStartInfo")
        {
            var startInfo = _hoister.Use((ExpressionSyntax)arguments[0].Value.Syntax, "startInfo");
            Add(Member(startInfo, "FileName"), isString: true);
            Text(" ");
            var list = Member(startInfo, "ArgumentList");
            Add(
                SyntaxFactory.ConditionalExpression(
                    SyntaxFactory.BinaryExpression(SyntaxKind.GreaterThanExpression, Member(list, "Count"), SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))),
                    Join(" ", list),
                    Member(startInfo, "Arguments")),
                isString: true);
            return true;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                Text(" ");
            }

            var syntax = (ExpressionSyntax)arguments[i].Value.Syntax;
            var used = _hoister.Use(syntax, i == 0 ? "fileName" : "arguments");
            if (arguments[i].Value.Type?.SpecialType == SpecialType.System_String)
            {
                Add(used, isString: true, literal: syntax as LiteralExpressionSyntax);
            }
            else
            {
                Add(Join(" ", used), isString: true);
            }
        }

        return arguments.Length > 0;
    }

    /// <summary>An SDK call: the client's identity, then the identifying arguments and request properties.</summary>
    private void Sdk(IInvocationOperation operation)
    {
        var receiver = operation.Instance is { IsImplicit: false } instance ? instance
            : (operation.TargetMethod.IsExtensionMethod || operation.TargetMethod.ReducedFrom is not null) && operation.Arguments.Length > 0 ? operation.Arguments[0].Value
            : null;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        if (receiver is not null)
        {
            ClientIdentity(receiver);
        }

        var arguments = operation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit && !ReferenceEquals(a.Value, receiver)
                && !(operation.TargetMethod.IsExtensionMethod && a == operation.Arguments[0]))
            .OrderBy(a => a.Parameter?.Name.IndexOf("namespace", StringComparison.OrdinalIgnoreCase) >= 0 ? 0 : 1)
            .ToList();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || NotIdentity.Contains(parameter.Name))
            {
                continue;
            }

            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            var syntax = (ExpressionSyntax)value.Syntax;
            if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                Separator();
                Add(_hoister.Use(syntax, Local(parameter.Name)), isString: true, literal: syntax as LiteralExpressionSyntax);
            }
            else if (IsStringList(parameter.Type))
            {
                Separator();
                Add(Join(",", _hoister.Use(syntax, Local(parameter.Name))), isString: true);
            }
            else if (parameter.Type.Name.EndsWith("Request", StringComparison.Ordinal) || parameter.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            {
                RequestIdentity(value);
            }
        }
    }

    /// <summary>The properties of a request object that name what it destroys (<c>BucketName</c>, <c>VolumeId</c>, <c>InstanceIds</c>).</summary>
    private void RequestIdentity(IOperation request)
    {
        if (request is IObjectCreationOperation { Initializer: { } initializer } creation)
        {
            var members = initializer.Initializers.OfType<ISimpleAssignmentOperation>()
                .Where(m => m.Target is IPropertyReferenceOperation p && IsIdentity(p.Property))
                .ToList();
            if (members.Count == 0)
            {
                return;
            }

            // Values that compute something are read from the request itself, once it is built.
            if (members.All(m => m.Value.Syntax is ExpressionSyntax e && Hoister.IsSimple(e)))
            {
                foreach (var member in members)
                {
                    Separator();
                    var property = ((IPropertyReferenceOperation)member.Target).Property;
                    AddValue((ExpressionSyntax)member.Value.Syntax, property.Type, member.Value.Syntax as LiteralExpressionSyntax);
                }

                return;
            }

            var built = _hoister.Use((ExpressionSyntax)creation.Syntax, "request");
            foreach (var member in members)
            {
                Separator();
                var property = ((IPropertyReferenceOperation)member.Target).Property;
                AddValue(Member(built, property.Name), property.Type, null);
            }

            return;
        }

        if (request.Syntax is ExpressionSyntax syntax && Hoister.IsSimple(syntax) && request.Type is INamedTypeSymbol type)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && IsIdentity(p)))
            {
                Separator();
                AddValue(Member(syntax.WithoutTrivia(), property.Name), property.Type, null);
            }
        }
    }

    /// <summary>The identity a client carries itself: a URI, an end point, a database or collection namespace, an ID, a name.</summary>
    private void ClientIdentity(IOperation receiver)
    {
        if (receiver.Syntax is not ExpressionSyntax syntax || receiver.Type is not { } type)
        {
            return;
        }

        if (type.Name == "DatabaseFacade")
        {
            EfDatabase(_hoister.Use(syntax, "database"));
            return;
        }

        // db.Orders.ExecuteDelete(): the set's name in the context's database.
        if (DbSetOfContext(receiver) is { } set)
        {
            Text(set.Property.Name + " @ ");
            EfDatabase(Member(_hoister.Use((ExpressionSyntax)set.Instance!.Syntax, "context"), "Database"));
            return;
        }

        if (type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)))
        {
            return;
        }

        // Redis IDatabase: its server end points and database number. Mongo client: its servers. Never the
        // configuration string, which may hold a password.
        if (FindProperty(type, "Multiplexer") is not null && FindProperty(type, "Database") is { Type.SpecialType: SpecialType.System_Int32 })
        {
            var database = _hoister.Use(syntax, "database");
            // EndPoint[] as object[]: string.Join has both a params object[] and an IEnumerable<T> overload for it.
            var endPoints = SyntaxFactory.CastExpression(
                SyntaxFactory.ArrayType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)), SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression())))),
                SyntaxFactory.InvocationExpression(Member(Member(database, "Multiplexer"), "GetEndPoints")));
            Add(Join(",", endPoints), isString: true);
            Text("/");
            Add(Member(database, "Database"), isString: false);
            return;
        }

        if (FindProperty(type, "Settings")?.Type is { } settings && FindProperty(settings, "Servers") is not null)
        {
            Add(Join(",", Member(Member(_hoister.Use(syntax, "client"), "Settings"), "Servers")), isString: true);
            return;
        }

        foreach (var (name, then) in new[] { ("Uri", null), ("BaseUri", null), ("EndPoint", null), ("DatabaseNamespace", "DatabaseName"), ("CollectionNamespace", "FullName"), ("Id", null), ("Name", (string?)null) })
        {
            if (FindProperty(type, name) is { IsStatic: false } property)
            {
                var access = Member(_hoister.Use(syntax, "client"), name);
                Add(then is null ? access : Member(access, then), isString: then is not null || property.Type.SpecialType == SpecialType.System_String);
                return;
            }
        }
    }

    // ---- Parts ---------------------------------------------------------------------------------------------------

    private void Connection(ExpressionSyntax connection, ITypeSymbol? type, bool conditional)
    {
        Text(" @ ");
        if (type is not null && FindProperty(type, "DataSource") is not null)
        {
            Add(conditional ? ConditionalMember(connection, "DataSource") : Member(connection, "DataSource"), isString: true);
            Text("/");
        }

        Add(conditional ? ConditionalMember(connection, "Database") : Member(connection, "Database"), isString: true);
    }

    /// <summary>The data source and database of an EF Core context's connection; nothing for a provider without one.</summary>
    private void EfDatabase(ExpressionSyntax facade)
    {
        if (SymbolReferences.Member(_generator, _compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "GetDbConnection") is not { } getConnection)
        {
            return;
        }

        var connection = SyntaxFactory.InvocationExpression(getConnection, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(facade))));

        Add(Member(connection, "DataSource"), isString: true);
        Text("/");
        Add(Member(connection, "Database"), isString: true);
    }

    private bool Json(ExpressionSyntax value)
    {
        if (SymbolReferences.Member(_generator, _compilation, "System.Text.Json.JsonSerializer", "Serialize") is not { } serialize)
        {
            return false;
        }

        Add(SyntaxFactory.InvocationExpression(serialize, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value)))), isString: true);
        return true;
    }

    private void AddValue(ExpressionSyntax value, ITypeSymbol type, LiteralExpressionSyntax? literal)
    {
        if (IsStringList(type))
        {
            Add(Join(",", value), isString: true);
        }
        else
        {
            Add(value.WithoutTrivia(), type.SpecialType == SpecialType.System_String, literal);
        }
    }

    private void Separator()
    {
        if (_parts.Count > 0 && !(_parts[_parts.Count - 1].Text is { } text && (text.EndsWith(" ", StringComparison.Ordinal) || text.EndsWith("/", StringComparison.Ordinal))))
        {
            Text("/");
        }
    }

    private void Text(string text) => _parts.Add(new Part(null, text, true));

    private void Add(ExpressionSyntax expression, bool isString, LiteralExpressionSyntax? literal = null)
    {
        if (literal is not null && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            Text(literal.Token.ValueText);
            return;
        }

        _parts.Add(new Part(expression, null, isString));
    }

    private ExpressionSyntax ToExpression()
    {
        if (_parts.Count == 1 && _parts[0] is { Expression: { } single, IsString: true })
        {
            return single;
        }

        if (_parts.All(p => p.Text is not null))
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Concat(_parts.Select(p => p.Text))));
        }

        var contents = new List<InterpolatedStringContentSyntax>();
        foreach (var part in _parts)
        {
            if (part.Text is { } text)
            {
                var escaped = SyntaxFactory.Literal(text).Text;
                escaped = escaped.Substring(1, escaped.Length - 2).Replace("{", "{{").Replace("}", "}}");
                if (contents.Count > 0 && contents[contents.Count - 1] is InterpolatedStringTextSyntax previous)
                {
                    escaped = previous.TextToken.Text + escaped;
                    contents.RemoveAt(contents.Count - 1);
                }

                contents.Add(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, escaped, escaped, default)));
            }
            else
            {
                var expression = part.Expression!;
                if (expression is ConditionalExpressionSyntax or BinaryExpressionSyntax or LiteralExpressionSyntax)
                {
                    expression = SyntaxFactory.ParenthesizedExpression(expression);
                }

                contents.Add(SyntaxFactory.Interpolation(expression));
            }
        }

        return SyntaxFactory.InterpolatedStringExpression(SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken), SyntaxFactory.List(contents));
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private static bool IsIdentity(IPropertySymbol property) =>
        IdentityProperty.IsMatch(property.Name) && !NotIdentity.Contains(property.Name)
        && (property.Type.SpecialType == SpecialType.System_String || IsStringList(property.Type));

    private static bool IsStringList(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && named.TypeArguments[0].SpecialType == SpecialType.System_String
        && (named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            || named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

    private static bool IsDbCommand(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.Data.Common.DbCommand")
            {
                return true;
            }
        }

        return type is not null && (type.ToDisplayString() == "System.Data.IDbCommand" || type.AllInterfaces.Any(i => i.ToDisplayString() == "System.Data.IDbCommand"));
    }

    private static IPropertyReferenceOperation? DbSetOfContext(IOperation receiver)
    {
        for (var current = receiver; current is not null;)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    continue;
                case IInvocationOperation { Instance: { } instance }:
                    current = instance;
                    continue;
                case IInvocationOperation { Arguments.Length: > 0 } call when call.TargetMethod.IsExtensionMethod:
                    current = call.Arguments[0].Value;
                    continue;
                case IPropertyReferenceOperation { Instance: { } owner } property when IsDbContext(owner.Type) && owner.Syntax is ExpressionSyntax ownerSyntax && Hoister.IsSimple(ownerSyntax):
                    return property;
            }

            return null;
        }

        return null;
    }

    private static bool IsDbContext(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "Microsoft.EntityFrameworkCore.DbContext")
            {
                return true;
            }
        }

        return false;
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => p.Parameters.IsEmpty) is { } property)
            {
                return property;
            }
        }

        return type.AllInterfaces.SelectMany(i => i.GetMembers(name).OfType<IPropertySymbol>()).FirstOrDefault(p => p.Parameters.IsEmpty);
    }

    private static string Local(string parameterName) =>
        SyntaxFacts.GetKeywordKind(parameterName) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(parameterName) == SyntaxKind.None ? parameterName : parameterName + "Value";

    private static ExpressionSyntax Member(ExpressionSyntax expression, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(expression), SyntaxFactory.IdentifierName(name));

    private static ExpressionSyntax ConditionalMember(ExpressionSyntax expression, string name) =>
        SyntaxFactory.ConditionalAccessExpression(Receiver(expression), SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName(name)));

    private static ExpressionSyntax Receiver(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    private static ExpressionSyntax Join(string separator, ExpressionSyntax values) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)), SyntaxFactory.IdentifierName("Join")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(separator))),
                SyntaxFactory.Argument(values.WithoutTrivia()),
            })));

    private sealed class Part
    {
        public Part(ExpressionSyntax? expression, string? text, bool isString)
        {
            Expression = expression;
            Text = text;
            IsString = isString;
        }

        public ExpressionSyntax? Expression { get; }

        public string? Text { get; }

        public bool IsString { get; }
    }
}
