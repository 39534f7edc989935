using System.Reflection;
using System.Text;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests;

/// <summary>
/// The public API of the package as a reflection dump in <c>PublicApi.approved.txt</c>: every change to it shows up as
/// a diff to review. Rewrite it with <c>NEWSPARSING_UPDATE_GOLDEN=1</c>.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_file()
    {
        var dump = Dump(typeof(NewsParser).Assembly);
        var approved = Path.Combine(Paths.TestProject, "PublicApi.approved.txt");
        if (Paths.UpdateGolden || !File.Exists(approved))
        {
            File.WriteAllText(approved, dump);
        }

        dump.Should().Be(File.ReadAllText(approved), "public API changes must be reviewed (NEWSPARSING_UPDATE_GOLDEN=1 rewrites the file)");
    }

    [Fact]
    public void Every_public_type_lives_in_a_stage_namespace()
    {
        string[] allowed = ["NewsParsing", "NewsParsing.Model", "NewsParsing.Agencies", "NewsParsing.Segmentation", "NewsParsing.Temporal",
            "NewsParsing.Quantities", "NewsParsing.Entities", "NewsParsing.Html", "NewsParsing.Text"];
        typeof(NewsParser).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct().Should().BeSubsetOf(allowed);
    }

    private static string Dump(Assembly assembly)
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
