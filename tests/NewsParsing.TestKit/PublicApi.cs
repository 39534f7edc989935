using System.Reflection;
using System.Text;

namespace NewsParsing.TestKit;

/// <summary>The public API of an assembly as a reflection dump, compared with <c>PublicApi.approved.txt</c>.</summary>
public static class PublicApi
{
    /// <summary>The approval file.</summary>
    public static string ApprovedFile => Path.Combine(Paths.TestProject, "PublicApi.approved.txt");

    /// <summary>Every public type and member, one a line, sorted.</summary>
    public static string Dump(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            sb.Append(kind).Append(' ').Append(Name(type));
            if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            {
                sb.Append(" : ").Append(Name(b));
            }

            sb.Append('\n');
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    sb.Append("  ").Append(name).Append('\n');
                }

                continue;
            }

            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var m in type.GetMembers(Flags))
            {
                switch (m)
                {
                    case ConstructorInfo c:
                        members.Add($"ctor({Parameters(c)})");
                        break;
                    case MethodInfo mi when !mi.IsSpecialName:
                        members.Add($"{(mi.IsStatic ? "static " : "")}{Name(mi.ReturnType)} {mi.Name}({Parameters(mi)})");
                        break;
                    case PropertyInfo p:
                        var setter = p.SetMethod is { IsPublic: true } s ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(x => x.Name == "IsExternalInit") ? " init;" : " set;") : "";
                        members.Add($"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ get;{setter} }}");
                        break;
                    case FieldInfo f:
                        members.Add($"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}");
                        break;
                }
            }

            foreach (var m in members.Order(StringComparer.Ordinal))
            {
                sb.Append("  ").Append(m).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")));

    private static string Name(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } u)
        {
            return Name(u) + "?";
        }

        if (t.IsGenericType)
        {
            var name = t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{t.Namespace}.{name}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>";
        }

        return t.IsGenericParameter ? t.Name : t.FullName ?? t.Name;
    }
}
