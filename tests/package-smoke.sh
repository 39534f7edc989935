#!/usr/bin/env bash
# Proves the packages work for someone who has only the .nupkg files: packs the library and the tool into a local
# folder feed, builds a fresh console project (outside the repository) that references NewsParsing by version,
# parses a seed article and checks the result; installs the newsparse tool from the feed and runs it on the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-smoke.$(date +%s)"
feed="$work/feed"

dotnet pack "$root/src/NewsParsing" -c Release -o "$feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/NewsParsing.Cli" -c Release -o "$feed" -p:Version="$version" --nologo -v q

mkdir -p "$work/app"
cat > "$work/app/nuget.config" <<XML
<configuration>
  <packageSources>
    <add key="local-feed" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NewsParsing" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
var article = NewsParsing.NewsParser.Parse(File.ReadAllText(args[0]));
Console.WriteLine($"{article.PublicationDate:yyyy-MM-dd}|{article.Dateline?.Place}|{article.Agency?.Id}|{article.Body.Paragraphs.Length}");
CS
out="$(cd "$work/app" && dotnet run -v q -- "$root/seeds/003_79742d6c168d962d.txt")"
echo "package consumer printed: $out"
[ "$out" = "2018-03-09|Baku|azertac|7" ] || { echo "unexpected output from the package consumer" >&2; exit 1; }

dotnet tool install newsparse --version "$version" --add-source "$feed" --tool-path "$work/tools" >/dev/null
"$work/tools/newsparse" --version
lines="$("$work/tools/newsparse" parse "$root/seeds" | wc -l)"
[ "$lines" -eq "$(ls "$root"/seeds/*.txt | wc -l)" ] || { echo "the installed tool printed $lines lines" >&2; exit 1; }
echo "package smoke test passed ($version)"
